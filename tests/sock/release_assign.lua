-- release() hands the fd over as a file_descriptor (pending operations
-- end with operation_aborted); assign() adopts one, and the connection
-- goes on through the new object.
local ip = require 'ip'
local asio_error = require 'asio_error'
local u = require './lib/util'
local c, s = u.tcp_pair()
local f = spawn(function()
    local ok, e = pcall(s.read_some, s, byte_span.new(4))
    print('pending read', ok, e == asio_error.basic.operation_aborted)
end)
this_fiber.yield()
local fd = s:release()
f:join()
print('released', s.is_open, getmetatable(fd))
u.try('release twice', s.release, s)

local t = ip.tcp.socket.new()
t:assign('v4', fd)
print('assigned', t.is_open)
u.try('fd taken', fd.close, fd)
c:write_some('ping')
local buf = byte_span.new(4)
print('through the new object', u.text(buf, t:read_some(buf)))
u.try('assign over an open socket', t.assign, t, 'v4', c:release())
t:close()

-- acceptor
local a = ip.tcp.listen('127.0.0.1:0')
local port = a.local_port
local b = ip.tcp.acceptor.new()
b:assign(ip.address.loopback_v4(), a:release())
print('acceptor assigned', b.local_port == port, a.is_open)
spawn(function()
    ip.tcp.socket.new():connect(ip.address.loopback_v4(), port)
end)
print('accepts', b:accept().is_open)
b:close()

-- udp
local d = ip.udp.socket.new()
d:open('v4')
d:bind('127.0.0.1', 0)
port = d.local_port
local e = ip.udp.socket.new()
e:assign('v4', d:release())
print('udp assigned', e.local_port == port, d.is_open)
e:close()
