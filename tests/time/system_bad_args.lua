-- system_clock points reject bad arguments like steady ones.

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
local clock = require('time').system_clock
local p = clock.epoch()
print(check(pcall(p.add, p, 'x')))
print(check(pcall(p.sub, 1, 1)))
local ok, e = pcall(p.add, p, 0/0)
print(ok, e, e.arg)
ok, e = pcall(p.sub, p, math.huge)
print(ok, e, e.arg)
print(check(pcall(function() return p + true end)))
print(check(pcall(function() return p.nope end)))
print(p.seconds_since_epoch)
