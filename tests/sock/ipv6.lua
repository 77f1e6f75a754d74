-- TCP and UDP over ::1 (skipped where the host has no IPv6 loopback).
local ip = require 'ip'
local system = require 'system'
local u = require './lib/util'
local lo = ip.address.loopback_v6()
local probe = ip.udp.socket.new()
if not pcall(function() probe:open('v6') probe:bind(lo, 0) end) then
    system.exit(77)
end
probe:close()

local c, s = u.tcp_pair(lo)
print('tcp', c.local_address, c.remote_address, s.local_address)
c:write_some('over v6')
local buf = byte_span.new(16)
print(u.text(buf, s:read_some(buf)))
c:close() s:close()

local a = ip.tcp.listen('[::1]:0')
print('listen', a.local_address)
local d = spawn(function()
    return ip.tcp.dial('[::1]:' .. a.local_port)
end)
local t = a:accept()
print('dial', d:join().remote_address, t.remote_address)

local x = ip.udp.socket.new()
x:open('v6')
x:bind('::1', 0)
local y = ip.udp.socket.new()
y:open(lo)
y:set_option('unicast_hops', 7)
y:set_option('multicast_hops', 2)
print('hops', y:get_option('unicast_hops'), y:get_option('multicast_hops'))
y:send_to('datagram', lo, x.local_port)
local n, from = x:receive_from(buf)
print('udp', u.text(buf, n), from)
