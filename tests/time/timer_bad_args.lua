-- Bad arguments name the method and argument; NaN, infinite and
-- out-of-range durations raise EINVAL with arg = 2.  A failed call
-- leaves the timer as it was.
local time = require 'time'
local t = time.steady_timer.new()
print(pcall(t.expires_after, t, 'x'))
print(pcall(t.expires_after, t))
print(pcall(t.expires_at, t))
print(pcall(t.expires_at, t, 1))
print(pcall(t.cancel, 1))
print(pcall(t.expires_after, {}, 1))
local ok, e = pcall(t.wait, {})
print(ok, (e:match('time%.steady_timer:wait: .*')))
for _, v in ipairs{0/0, math.huge, -math.huge, 1e300} do
    ok, e = pcall(t.expires_after, t, v)
    print(ok, e, e.code, e.category, e.arg)
end
print(t.expiry == time.steady_clock.epoch())
