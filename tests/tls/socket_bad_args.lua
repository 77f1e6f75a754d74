-- Bad arguments of tls.socket.new, its methods and tls.dial: EINVAL
-- tables with arg, or type errors naming the function.
local ip = require 'ip'
local tls = require 'tls'

-- An argument error shows its fields (see context_bad_args.lua); other
-- errors their category and code.
local function describe(e)
    if type(e) ~= 'table' then return e end
    if e.arg == nil then return tostring(e.category) .. ' ' .. e.code end
    local s = tostring(e) .. ' | ' .. tostring(e.func) .. ': argument #' ..
              e.arg
    if e.argname then s = s .. ' (' .. e.argname .. ')' end
    if e.expected then
        s = s .. ' must be ' .. e.expected .. ' (got ' .. e.got .. ')'
    end
    return s
end

local function show(f, ...)
    local ok, err = pcall(f, ...)
    print(ok, describe(err))
end

show(tls.socket.new)
show(tls.socket.new, 'socket')
show(tls.socket.new, ip.udp.socket.new())
local closed = tls.socket.new(ip.tcp.socket.new())  -- closed, as the TCP one
show(closed.client_handshake, closed)              -- EBADF
show(closed.read_some, closed, byte_span.new(1))
closed:set_server_name('example.com')              -- settings still work
local tcp = ip.tcp.socket.new()
tcp:open('v4')
show(tls.socket.new, tcp, 'context')
print(tcp.is_open)                                 -- untouched

-- methods (a socket that never connected is enough for the checks)
local sock = tls.socket.new(tcp, tls.context.new('tls_client'))
show(sock.read_some, sock, 'text')
show(sock.write_some, sock)
show(sock.read_some, {}, byte_span.new(1))
show(sock.set_server_name, sock, '')
show(sock.set_server_name, sock, 'a\0b')
show(sock.set_server_name, sock, 42)
show(sock.set_verify_callback, sock, 'other', 'example.com')
show(sock.set_verify_callback, sock, 'host_name_verification')
show(sock.set_verify_callback, sock, 'host_name_verification', '')
show(sock.set_verify_depth, sock, -1)
show(sock.set_verify_depth, sock, 'deep')
show(sock.set_verify_mode, sock, 'sometimes')
sock:set_verify_depth(3)
sock:set_verify_mode('client_once')
sock:close()
sock:close()
show(sock.client_handshake, sock)                  -- closed: EBADF
show(sock.server_handshake, sock)
show(sock.shutdown, sock)

-- tls.dial checks its arguments before it connects
show(tls.dial)
show(tls.dial, 42)
show(tls.dial, 'no-port')
show(tls.dial, ':443')
show(tls.dial, '127.0.0.1:1', 'context')
