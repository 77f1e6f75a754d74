-- system_clock.epoch() is 1970-01-01 00:00:00 UTC.
local clock = require('time').system_clock
local e = clock.epoch()
print(getmetatable(e), e.seconds_since_epoch)
print(e == clock.epoch(), rawequal(e, clock.epoch()), e < clock.now())
e:add(86400 * 365)
print(e.seconds_since_epoch)
