-- Wrong types name the member and argument; NaN, infinities and
-- out-of-range durations raise EINVAL with the argument's index.
local clock = require('time').steady_clock
local p = clock.epoch()
print(pcall(p.add, p, 'x'))
print(pcall(p.add, p))
print(pcall(p.sub, p, {}))
print(pcall(p.add, 1, 1))
print(pcall(p.sub, clock, 1))
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
