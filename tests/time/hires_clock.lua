-- high_resolution_clock: now(), epoch(), is_steady.
local clock = require('time').high_resolution_clock
print(type(clock.is_steady), clock.is_steady)
local p = clock.now()
print(type(p), getmetatable(p))
print(p.seconds_since_epoch > 1.6e9, p.seconds_since_epoch < 1e10)
local e = clock.epoch()
print(getmetatable(e), e.seconds_since_epoch, e == clock.epoch())
