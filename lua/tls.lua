-- tls.dial, written in Lua because it strings suspending calls together
-- (resolution, connect, handshake) and a C frame in between would forbid
-- that.
--
-- Receives tls.socket.new and natives from src/modules/tls/dial.c:
--   prepare(ep, ctx) -> host, is_ip_literal (checks the arguments),
--   open_ip() -> the ip module.

local new, N = ...
local prepare, open_ip = N.prepare, N.open_ip
local pcall, error = pcall, error
local ip

return function(ep, ctx)
    local host, numeric = prepare(ep, ctx)
    ip = ip or open_ip()
    local tcp = ip.tcp.dial(ep)
    local ok, sock = pcall(function()
        tcp:set_option('tcp_no_delay', true)
        return new(tcp, ctx)
    end)
    if not ok then
        tcp:close()
        error(sock, 0)
    end
    local err
    ok, err = pcall(function()
        sock:set_verify_mode('peer')
        -- SNI carries names only (RFC 6066); the certificate check takes
        -- either.
        if not numeric then sock:set_server_name(host) end
        sock:set_verify_callback('host_name_verification', host)
        sock:client_handshake()
    end)
    if not ok then
        sock:close()
        error(err, 0)
    end
    return sock
end
