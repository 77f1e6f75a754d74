-- The program exits while fibers wait in accept, read_some, write_some,
-- connect and receive: nothing leaks and nothing is resumed (the ASan
-- build checks the memory).
local ip = require 'ip'
local system = require 'system'
local u = require './lib/util'
local a = ip.tcp.listen('127.0.0.1:0')
local c, s = u.tcp_pair()
local d = ip.udp.socket.new()
d:open('v4')
d:bind('127.0.0.1', 0)
spawn(function() a:accept() print('not reached') end)
spawn(function() s:read_some(byte_span.new(8)) print('not reached') end)
spawn(function()
    c:set_option('send_buffer_size', 4096)
    local big = byte_span.new(1048576)
    while true do c:write_some(big) end
end)
spawn(function()
    ip.tcp.socket.new():connect(ip.address.loopback_v4(), a.local_port)
end)
spawn(function() d:receive(byte_span.new(8)) print('not reached') end)
for _ = 1, 10 do this_fiber.yield() end
print('exiting')
system.exit(0)
