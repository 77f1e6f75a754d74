-- The composed operations of the ip module: ip.connect, ip.tcp.dial,
-- ip.udp.dial and ip.tcp.listen.  Written in Lua because they call
-- suspending functions (resolution, connect) in a loop, and a C frame in
-- between would forbid that.
--
-- Receives the ip module table and natives from src/modules/ip/ip.c:
--   arg_error(argn, func, name, expected, value) -> error (a bad type),
--   einval(argn) -> error (a bad value), not_found() -> error,
--   is_socket(v) -> boolean (an ip.tcp.socket or ip.udp.socket),
--   split(ep) -> host, service | nil.

local ip, N = ...
local arg_error, einval = N.arg_error, N.einval
local not_found, is_socket = N.not_found, N.is_socket
local split = N.split
local type, error, pcall = type, error, pcall

-- Tries each endpoint in turn (Boost.Asio's range connect): a failed
-- attempt closes the socket before the next one, and when every attempt
-- failed the last error is raised (not_found when none was tried).
local function connect(sock, results, condition)
    if not is_socket(sock) then
        error(arg_error(1, 'ip.connect', 'sock', 'an ip socket', sock), 2)
    end
    if type(results) ~= 'table' then
        error(arg_error(2, 'ip.connect', 'resolve_results', 'a table',
                        results), 2)
    end
    if condition ~= nil and type(condition) ~= 'function' then
        error(arg_error(3, 'ip.connect', 'condition', 'a function',
                        condition), 2)
    end
    local last_error = nil
    for i = 1, #results do
        local e = results[i]
        local addr, port = e.address, e.port
        if not condition or condition(last_error, addr, port) then
            if sock.is_open then sock:close() end
            local ok, err = pcall(sock.connect, sock, addr, port)
            if ok then return addr, port end
            last_error = err
        end
    end
    if sock.is_open then sock:close() end
    error(last_error or not_found(), 0)
end
ip.connect = connect

local function make_dial(proto, name)
    local new, resolve = proto.socket.new, proto.get_address_info
    return function(ep)
        if type(ep) ~= 'string' then
            error(arg_error(1, name, 'ep', 'a string', ep), 2)
        end
        local host, service = split(ep)
        if not host then error(einval(1), 2) end
        local results = resolve(host, service)
        local sock = new()
        local ok, err = pcall(connect, sock, results)
        if not ok then
            sock:close()
            error(err, 0)
        end
        return sock
    end
end
ip.tcp.dial = make_dial(ip.tcp, 'ip.tcp.dial')
ip.udp.dial = make_dial(ip.udp, 'ip.udp.dial')

-- A numeric endpoint ("127.0.0.1:8080", "[::1]:0"): it does not suspend,
-- so there is no name to resolve.
function ip.tcp.listen(ep)
    if type(ep) ~= 'string' then
        error(arg_error(1, 'ip.tcp.listen', 'ep', 'a string', ep), 2)
    end
    local addr, port = ip.toendpoint(ep)
    local a = ip.tcp.acceptor.new()
    local ok, err = pcall(function()
        a:open(addr)
        a:set_option('reuse_address', true)
        a:bind(addr, port)
        a:listen()
    end)
    if not ok then
        a:close()
        error(err, 0)
    end
    return a
end
