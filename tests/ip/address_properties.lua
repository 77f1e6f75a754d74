-- The predicates common to both versions, and the v6-only ones.
local ip = require 'ip'
local common = {'is_loopback', 'is_multicast', 'is_unspecified', 'is_v4',
                'is_v6'}
local v6 = {'is_link_local', 'is_multicast_global', 'is_multicast_link_local',
            'is_multicast_node_local', 'is_multicast_org_local',
            'is_multicast_site_local', 'is_site_local', 'is_v4_mapped'}
local function show(s, names)
    local a = ip.address.new(s)
    local out = {}
    for _, n in ipairs(names) do
        if a[n] then out[#out + 1] = n end
    end
    print(s, table.concat(out, ' '))
end
for _, s in ipairs{'127.0.0.1', '127.255.0.1', '224.0.0.1', '239.1.1.1',
                   '0.0.0.0', '8.8.8.8', '::', '::1', 'ff02::1'} do
    show(s, common)
end
for _, s in ipairs{'::1', 'fe80::1', 'febf::1', 'fec0::1', 'ff0e::1',
                   'ff02::1', 'ff01::1', 'ff08::1', 'ff05::1', '::ffff:1.2.3.4',
                   '2001:db8::1'} do
    show(s, v6)
end
