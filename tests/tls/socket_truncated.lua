-- The peer's TCP connection ends without a TLS close_notify: the read
-- fails with asio.ssl.stream's stream_truncated (a clean close is
-- asio_error.misc.eof, see socket_echo.lua).  A write to a peer that
-- is gone fails with a system error; the process lives on.
local ip = require 'ip'
local tls = require 'tls'
local dir = require('system').arguments[3]

local server_ctx = tls.context.new('tls_server')
server_ctx:use_certificate_chain_file(dir .. '/chain.pem')
server_ctx:use_private_key_file(dir .. '/server.key', 'pem')
local client_ctx = tls.context.new('tls_client')
client_ctx:load_verify_file(dir .. '/ca.pem')

local acceptor = ip.tcp.listen('127.0.0.1:0')
local port = acceptor.local_port

local f = spawn(function()
    local sock = tls.socket.new(acceptor:accept(), server_ctx)
    sock:server_handshake()
    sock:close()
end)
local sock = tls.dial('127.0.0.1:' .. port, client_ctx)
f:join()
local ok, err = pcall(sock.read_some, sock, byte_span.new(8))
print(ok, err.category, err.code, err)

sock:close()

f = spawn(function()
    local sock = tls.socket.new(acceptor:accept(), server_ctx)
    sock:server_handshake()
    sock:close()
end)
sock = tls.dial('127.0.0.1:' .. port, client_ctx)
f:join()
local ok, err = pcall(function()
    for i = 1, 1000 do sock:write_some(byte_span.new(1000)) end
end)
print(ok, err.category, err:togeneric() == require('generic_error').EPIPE or
                        err:togeneric() == require('generic_error').ECONNRESET)

-- The handshake of a connection closed at once.
f = spawn(function() acceptor:accept():close() end)
ok, err = pcall(tls.dial, '127.0.0.1:' .. port, client_ctx)
f:join()
print(ok, err.category, err)
