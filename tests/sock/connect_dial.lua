-- ip.connect over a list of endpoints (with its condition), ip.tcp.dial,
-- ip.udp.dial and ip.tcp.listen.
local ip = require 'ip'
local asio_error = require 'asio_error'
local generic_error = require 'generic_error'
local u = require './lib/util'
local a = ip.tcp.listen('127.0.0.1:0')
local good = a.local_port
local closed = ip.tcp.listen('127.0.0.1:0')
local bad = closed.local_port
closed:close()
local lo = ip.address.loopback_v4()
local list = {
    {address = lo, port = bad},
    {address = lo, port = good},
}
local server = spawn(function()
    while true do
        local ok, c = pcall(a.accept, a)
        if not ok then return end
        c:close()
    end
end)

local s = ip.tcp.socket.new()
local addr, port = ip.connect(s, list, function(last_error, next_addr, next_port)
    print('condition', last_error and u.describe(last_error), next_addr,
          next_port == good)
    return true
end)
print('connected', addr, port == good, s.remote_port == good)
-- connecting an open socket closes it first
print('again', ip.connect(s, list) == lo)
-- the condition may skip endpoints
local ok, e = pcall(ip.connect, s, list, function() return false end)
print('all skipped', ok, e == asio_error.misc.not_found)
-- every attempt failed: the last error
ok, e = pcall(ip.connect, s, {{address = lo, port = bad}})
print('all failed', ok, e:togeneric() == generic_error.ECONNREFUSED)
ok, e = pcall(ip.connect, s, {})
print('empty', ok, e == asio_error.misc.not_found)
u.try('connect bad sock', ip.connect, {}, list)
u.try('connect bad list', ip.connect, s, 'list')
u.try('connect bad condition', ip.connect, s, list, 'yes')
s:close()

local d = ip.tcp.dial('127.0.0.1:' .. good)
print('tcp.dial', getmetatable(d), d.remote_port == good)
d:close()
d = ip.tcp.dial('localhost:' .. good)
print('tcp.dial localhost', d.remote_address.is_loopback)
d:close()
ok, e = pcall(ip.tcp.dial, '127.0.0.1:' .. bad)
print('tcp.dial refused', ok, u.describe(e))
u.try('tcp.dial no port', ip.tcp.dial, '127.0.0.1')
u.try('tcp.dial number', ip.tcp.dial, 80)

local r = ip.udp.socket.new()
r:open('v4')
r:bind(lo, 0)
local us = ip.udp.dial('127.0.0.1:' .. r.local_port)
print('udp.dial', getmetatable(us), us.remote_port == r.local_port)
us:send('via dial')
local buf = byte_span.new(16)
print(u.text(buf, r:receive(buf)))

u.try('listen name', ip.tcp.listen, 'localhost:0')
u.try('listen no port', ip.tcp.listen, '127.0.0.1')
u.try('listen number', ip.tcp.listen, 1)
u.try('listen in use', ip.tcp.listen, '127.0.0.1:' .. good)
print('listen', getmetatable(a), a:get_option('reuse_address'))

-- canceled while dialing
local f = spawn(function() ip.tcp.dial('127.0.0.1:' .. good) end)
this_fiber.yield()
f:cancel()
f:join()
print('dial canceled', f.cancellation_caught)
a:close()
server:join()
print('done')
