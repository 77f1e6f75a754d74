-- scope_id is read-write on IPv6 addresses and part of their identity.
local ip = require 'ip'
local ge = require 'generic_error'
local a = ip.address.new('fe80::1')
local b = ip.address.new('fe80::1')
print(a.scope_id, a == b)
a.scope_id = 42
print(a.scope_id, a, a == b, b < a)
a.scope_id = 4294967295
print(a)
for _, v in ipairs{-1, 4294967296} do
    local ok, e = pcall(function() a.scope_id = v end)
    print(v, ok, e == ge.EINVAL, e.arg)
end
print(pcall(function() a.scope_id = 1.5 end))
print(pcall(function() a.scope_id = 'x' end))
print(a.scope_id)
