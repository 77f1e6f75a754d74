-- to_v6 is for IPv4 addresses, to_v4 for IPv4-mapped IPv6 ones.

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
local A = ip.address
local function try(f, ...)
    local ok, e = pcall(f, ...)
    if ok then print('ok', e) else print(e == ge.EINVAL, e.arg) end
end
try(A.loopback_v6().to_v6, A.loopback_v6())
try(A.loopback_v4().to_v4, A.loopback_v4())
try(A.loopback_v6().to_v4, A.loopback_v6())
print(check(pcall(A.loopback_v4().to_v6, 'x')))
print(getmetatable(A.loopback_v4()))
