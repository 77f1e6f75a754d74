-- Datagrams keep their boundaries: each receive gets one whole datagram
-- (truncated to the buffer), an empty one included; receive_from tells
-- the sender; connect sets the default peer for send/receive.
local ip = require 'ip'
local u = require './lib/util'
local a = ip.udp.socket.new()
a:open('v4')
a:bind(ip.address.loopback_v4(), 0)
local b = ip.udp.socket.new()
b:open(ip.address.loopback_v4())
b:bind('127.0.0.1', 0)
print(a.is_open, a.local_address, a.local_port > 0)

for _, msg in ipairs{'one', 'two two', '', 'three three three'} do
    b:send_to(byte_span.append(msg), a.local_address, a.local_port)
end
local buf = byte_span.new(64)
for _ = 1, 4 do
    local n, from, port = a:receive_from(buf)
    print(n, '[' .. u.text(buf, n) .. ']', from, port == b.local_port)
end
-- a datagram longer than the buffer is cut, the rest is lost
b:send_to('0123456789', a.local_address, a.local_port)
b:send_to('next', a.local_address, a.local_port)
local small = byte_span.new(4)
print('cut', u.text(small, a:receive(small)))
print('next', u.text(small, a:receive(small)))
-- peek leaves the datagram queued
b:send_to('peeked', a.local_address, a.local_port)
print('peek', u.text(buf, a:receive(buf, {'peek'})))
print('bytes_readable', a:io_control('bytes_readable'))
print('then', u.text(buf, a:receive(buf)))

-- connected sockets
u.try('send unconnected', b.send, b, 'x')
b:connect(a.local_address, a.local_port)
a:connect(b.local_address, b.local_port)
print('remote', b.remote_address, b.remote_port == a.local_port)
print('send', b:send('hello'))
print('receive', u.text(buf, a:receive(buf)))
a:send(byte_span.append('back'), {})
print('receive', u.text(buf, b:receive(buf)))
b:disconnect()
u.try('send after disconnect', b.send, b, 'x')
-- never opened: connect opens it
local c = ip.udp.socket.new()
c:connect(a.local_address, a.local_port)
print('opened by connect', c.is_open, c.remote_port == a.local_port)
-- shutdown is only local state
c:shutdown('both')
u.try('send after shutdown', c.send, c, 'x')
a:close() b:close() c:close()
print(a.is_open)
