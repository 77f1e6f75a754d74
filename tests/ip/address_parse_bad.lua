-- Text that is no address, and arguments of the wrong type.

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
for _, s in ipairs{'', 'localhost', '1.2.3', '1.2.3.4.5', '256.0.0.1',
                   '1.2.3.4:80', '[::1]', ':::', 'fe80::1%', 'fe80::1%nosuchif',
                   '::1%-1', '::1%4294967296', '1.2.3.4%1', '1.2.3.4\0'} do
    local ok, e = pcall(ip.address.new, s)
    print(string.format('%q', s), ok, e == ge.EINVAL, e.arg)
end
print(check(pcall(ip.address.new, 127)))
print(check(pcall(ip.address.new, {})))
