-- The VM ends while fibers wait for resolutions: their requests are
-- abandoned, and their answers, when they come, are freed unseen.
local ip = require 'ip'
local system = require 'system'
spawn(function()
    ip.tcp.get_address_info('localhost', 80, {})
    print('not reached')
end)
spawn(function()
    ip.udp.get_name_info(ip.address.loopback_v4(), 53)
    print('not reached')
end)
this_fiber.yield()
print('exiting')
system.exit(0)
