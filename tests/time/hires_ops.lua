-- high_resolution_clock points: __sub gives seconds, comparisons work,
-- and there is no arithmetic with durations (none is listed).
local clock = require('time').high_resolution_clock
local e = clock.epoch()
local p = clock.now()
print(type(p - e), p - e > 1.6e9, e - e)
print(e < p, e <= p, p > e, e == p, e ~= p)
print(pcall(function() return p.add end))
print(pcall(function() return p + 1 end))
print(pcall(function() return p - 1 end))
print(pcall(function() p.seconds_since_epoch = 0 end))
