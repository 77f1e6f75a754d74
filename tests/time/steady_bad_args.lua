-- Wrong types name the member and argument; NaN, infinities and
-- out-of-range durations raise EINVAL with the argument's index.

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
local clock = require('time').steady_clock
local p = clock.epoch()
print(check(pcall(p.add, p, 'x')))
print(check(pcall(p.add, p)))
print(check(pcall(p.sub, p, {})))
print(check(pcall(p.add, 1, 1)))
print(check(pcall(p.sub, clock, 1)))
local function einval(ok, e)
    print(ok, e, e.code, e.category, e.arg)
end
einval(pcall(p.add, p, 0/0))
einval(pcall(p.sub, p, 0/0))
einval(pcall(p.add, p, math.huge))
einval(pcall(p.sub, p, -math.huge))
einval(pcall(p.add, p, 1e300))
einval(pcall(function() return p + 0/0 end))
einval(pcall(function() return 0/0 + p end))
einval(pcall(function() return p - math.huge end))
print(p.seconds_since_epoch)
