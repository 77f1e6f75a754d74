-- Bad arguments name the method and argument; NaN, infinite and
-- out-of-range durations raise EINVAL with arg = 2.  A failed call
-- leaves the timer as it was.

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
local time = require 'time'
local t = time.steady_timer.new()
print(check(pcall(t.expires_after, t, 'x')))
print(check(pcall(t.expires_after, t)))
print(check(pcall(t.expires_at, t)))
print(check(pcall(t.expires_at, t, 1)))
print(check(pcall(t.cancel, 1)))
print(check(pcall(t.expires_after, {}, 1)))
local ok, e = pcall(t.wait, {})
print(ok, (describe(e):match('time%.steady_timer:wait: .*')))
for _, v in ipairs{0/0, math.huge, -math.huge, 1e300} do
    ok, e = pcall(t.expires_after, t, v)
    print(ok, e, e.code, e.category, e.arg)
end
print(t.expiry == time.steady_clock.epoch())
