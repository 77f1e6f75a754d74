-- io_control, peek and out-of-band flags, wait, disconnect, at_mark.
local ip = require 'ip'
local u = require './lib/util'
local c, s = u.tcp_pair()
c:write_some('abcdef')
s:wait('read')
print('bytes_readable', s:io_control('bytes_readable'))
local buf = byte_span.new(3)
print('peek', u.text(buf, s:receive(buf, {'peek'})))
print('receive', u.text(buf, s:receive(buf, {})))
print('bytes_readable', s:io_control('bytes_readable'))
print('rest', u.text(buf, s:read_some(buf)))
s:wait('write')
print('send', s:send(byte_span.append('xy'), {'do_not_route'}))
print('got', u.text(buf, c:read_some(buf)))
-- out-of-band data inline: at_mark tells where it is
s:set_option('out_of_band_inline', true)
c:send(byte_span.append('!'), {'out_of_band'})
s:wait('read')
print('at_mark', s.at_mark)
print('oob', u.text(buf, s:read_some(buf)))
-- disconnect dissolves the association
c:disconnect()
u.try('remote after disconnect', function() return c.remote_port end)
c:close()
s:close()
