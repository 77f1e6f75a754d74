-- scope_id is read-write on IPv6 addresses and part of their identity.

-- An argument error shows its fields: the generic EINVAL with `arg`, and
-- the runtime's report (func, argname, expected, got).
local function describe(e)
    if type(e) ~= 'table' or (e.arg == nil and e.field == nil) then
        return e
    end
    local s = tostring(e) .. ' | ' .. tostring(e.func) .. ': ' ..
              (e.arg and 'argument #' .. e.arg or 'field ' .. e.field)
    if e.argname then s = s .. ' (' .. e.argname .. ')' end
    if e.expected then
        s = s .. ' must be ' .. e.expected .. ' (got ' .. e.got .. ')'
    end
    return s
end
local function check(ok, ...)
    if ok then return ok, ... end
    return ok, describe((...))
end
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
print(check(pcall(function() a.scope_id = 1.5 end)))
print(check(pcall(function() a.scope_id = 'x' end)))
print(a.scope_id)
