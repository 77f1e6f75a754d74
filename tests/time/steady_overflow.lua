-- Results beyond the nanosecond range (about 292 years either side of
-- the epoch) raise EINVAL and leave the point unchanged.
local clock = require('time').steady_clock
local p = clock.epoch()
p:add(9e9)
print(p.seconds_since_epoch)
local ok, e = pcall(p.add, p, 9e9)
print(ok, e, e.arg, p.seconds_since_epoch)
ok, e = pcall(function() return p + 9e9 end)
print(ok, e, e.arg)
local n = clock.epoch() - 9e9
ok, e = pcall(n.sub, n, 9e9)
print(ok, e, e.arg, n.seconds_since_epoch)
print(pcall(function() return p - n end))
