-- v6-only properties raise EINVAL on an IPv4 address; unknown fields
-- raise; only scope_id can be assigned.
local ip = require 'ip'
local ge = require 'generic_error'
local a = ip.address.loopback_v4()
for _, n in ipairs{'is_link_local', 'is_multicast_global', 'is_site_local',
                   'is_v4_mapped', 'scope_id'} do
    local ok, e = pcall(function() return a[n] end)
    print(n, ok, e == ge.EINVAL, e.arg)
end
print(pcall(function() return a.no_such_field end))
print(pcall(function() a.is_v4 = false end))
local ok, e = pcall(function() a.scope_id = 1 end)
print(ok, e == ge.EINVAL)
