-- ip.address.new parses IPv4 dotted quads and IPv6 text (with a scope)
-- and prints the canonical form back.
local ip = require 'ip'
for _, s in ipairs{'127.0.0.1', '0.0.0.0', '255.255.255.255', '10.1.2.3',
                   '::', '::1', '2001:DB8:0:0:0:0:0:1', 'fe80::1%1',
                   'fe80::1%lo', 'ff02::1%1', '2001:db8::1%5',
                   '::ffff:192.168.0.1'} do
    local a = ip.address.new(s)
    print(s, tostring(a), a.is_v4, a.is_v6)
end
-- the default address is IPv4's unspecified one
print(ip.address.new(), ip.address.new().is_v4)
