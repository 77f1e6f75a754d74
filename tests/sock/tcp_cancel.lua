-- A fiber canceled while it waits in read_some, write_some or accept
-- stops waiting; the operation has not happened (no byte was consumed)
-- and the socket stays usable.
local ip = require 'ip'
local u = require './lib/util'
local c, s = u.tcp_pair()

-- read_some
local f = spawn(function()
    s:read_some(byte_span.new(10))
    print('not reached')
end)
this_fiber.yield()
f:cancel()
print('read canceled', pcall(f.join, f), f.cancellation_caught)
c:write_some('abc')
local buf = byte_span.new(10)
print('next read', u.text(buf, s:read_some(buf)))

-- write_some: fill the send path first so that the write must wait
c:set_option('send_buffer_size', 4096)
s:set_option('receive_buffer_size', 4096)
local chunk = byte_span.new(65536)
local filled = 0
local w = spawn(function()
    while true do
        filled = filled + c:write_some(chunk)
    end
end)
-- the writer waits once the buffers are full: cancel it there
for _ = 1, 100 do this_fiber.yield() end
w:cancel()
w:join()
print('write canceled', w.cancellation_caught)
-- every byte written was counted: the peer reads exactly that many
c:shutdown('send')
local total, big = 0, byte_span.new(65536)
while true do
    local ok, n = pcall(s.read_some, s, big)
    if not ok then break end
    total = total + n
end
print('bytes match', total == filled)

-- accept
local a = ip.tcp.acceptor.new()
a:open('v4')
a:bind('127.0.0.1', 0)
a:listen()
local g = spawn(function()
    a:accept()
    print('not reached')
end)
this_fiber.yield()
g:cancel()
g:join()
print('accept canceled', g.cancellation_caught)
spawn(function()
    local x = ip.tcp.socket.new()
    x:connect(ip.address.loopback_v4(), a.local_port)
    x:close()
end)
local conn = a:accept()
print('next accept', conn.is_open)

-- a cancellation pending before the call: nothing starts
local h = spawn(function()
    this_fiber.disable_cancellation()
    this_fiber.yield()
    this_fiber.restore_cancellation()
    s:write_some('lost')
    print('not reached')
end)
this_fiber.yield()
h:cancel()
h:join()
print('pending cancel', h.cancellation_caught)
