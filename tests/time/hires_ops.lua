-- high_resolution_clock points: __sub gives seconds, comparisons work,
-- and there is no arithmetic with durations (none is listed).

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
local clock = require('time').high_resolution_clock
local e = clock.epoch()
local p = clock.now()
print(type(p - e), p - e > 1.6e9, e - e)
print(e < p, e <= p, p > e, e == p, e ~= p)
print(check(pcall(function() return p.add end)))
print(check(pcall(function() return p + 1 end)))
print(check(pcall(function() return p - 1 end)))
print(check(pcall(function() p.seconds_since_epoch = 0 end)))
