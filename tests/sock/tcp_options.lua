-- Every option of ip.tcp.socket and ip.tcp.acceptor can be read, and set
-- where an unprivileged process may.
local ip = require 'ip'
local u = require './lib/util'
local c, s = u.tcp_pair()
for _, opt in ipairs{'tcp_no_delay', 'out_of_band_inline', 'keep_alive',
                     'do_not_route', 'debug'} do
    u.try(opt, c.get_option, c, opt)
end
for _, opt in ipairs{'tcp_no_delay', 'out_of_band_inline', 'keep_alive',
                     'do_not_route'} do
    c:set_option(opt, true)
    print(opt, c:get_option(opt))
    c:set_option(opt, false)
end
c:set_option('send_buffer_size', 8192)
c:set_option('receive_buffer_size', 8192)
-- Linux doubles the sizes it is given
print('buffers', c:get_option('send_buffer_size') >= 8192,
      c:get_option('receive_buffer_size') >= 8192)
c:set_option('receive_low_watermark', 1)
print('receive_low_watermark', c:get_option('receive_low_watermark'))
print('send_low_watermark', c:get_option('send_low_watermark'))
u.try('set send_low_watermark', c.set_option, c, 'send_low_watermark', 2)
c:set_option('linger', {enabled = true, timeout = 5})
local l = c:get_option('linger')
print('linger', l.enabled, l.timeout)
u.try('v6_only on v4', c.get_option, c, 'v6_only')

local a = ip.tcp.acceptor.new()
a:open('v6')
print('v6_only', a:get_option('v6_only'))
a:set_option('v6_only', true)
print('v6_only', a:get_option('v6_only'))
a:set_option('reuse_address', true)
print('reuse_address', a:get_option('reuse_address'))
print('enable_connection_aborted', a:get_option('enable_connection_aborted'))
a:set_option('enable_connection_aborted', true)
print('enable_connection_aborted', a:get_option('enable_connection_aborted'))
print('debug', a:get_option('debug'))
u.try('acceptor has no tcp_no_delay', a.get_option, a, 'tcp_no_delay')
a:close()
u.try('closed acceptor', a.get_option, a, 'enable_connection_aborted')
