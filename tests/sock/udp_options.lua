-- The options of ip.udp.socket, and multicast on loopback: a member of a
-- group receives what is sent to the group until it leaves.
local ip = require 'ip'
local u = require './lib/util'
local s = ip.udp.socket.new()
s:open('v4')
for _, opt in ipairs{'debug', 'broadcast', 'do_not_route', 'reuse_address',
                     'multicast_loop', 'v6_only'} do
    u.try(opt, s.get_option, s, opt)
end
for _, opt in ipairs{'broadcast', 'do_not_route', 'reuse_address'} do
    s:set_option(opt, true)
    print(opt, s:get_option(opt))
end
s:set_option('multicast_hops', 3)
s:set_option('unicast_hops', 9)
print('hops', s:get_option('multicast_hops'), s:get_option('unicast_hops'))
s:set_option('send_buffer_size', 8192)
print('send_buffer_size', s:get_option('send_buffer_size') >= 8192)
s:set_option('receive_buffer_size', 8192)
print('receive_buffer_size', s:get_option('receive_buffer_size') >= 8192)
s:close()

s = ip.udp.socket.new()
s:open('v4')
s:set_option('multicast_interface', ip.address.loopback_v4())
s:close()

-- Multicast stays on this host: hops 0 (TTL 0) and multicast_loop on, so
-- the datagram is looped back and never leaves.  lo cannot carry
-- multicast, so the group is joined on the default interface; a host
-- without one cannot run this part.
local system = require 'system'
local group = ip.address.new('239.255.77.1')
local rx = ip.udp.socket.new()
rx:open('v4')
rx:set_option('reuse_address', true)
rx:bind(ip.address.any_v4(), 0)
local ok, err = pcall(rx.set_option, rx, 'join_multicast_group', group)
if not ok then
    print(err)
    system.exit(77)
end
local tx = ip.udp.socket.new()
tx:open('v4')
tx:set_option('multicast_loop', true)
tx:set_option('multicast_hops', 0)
tx:send_to('to the group', group, rx.local_port)
local buf = byte_span.new(64)
local n = rx:receive_from(buf)
print('member got', u.text(buf, n))
rx:set_option('leave_multicast_group', group)
tx:send_to('after leaving', group, rx.local_port)
tx:send_to('direct', ip.address.loopback_v4(), rx.local_port)
print('next', u.text(buf, rx:receive(buf)))
rx:close() tx:close()
