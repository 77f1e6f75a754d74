-- steady_clock.epoch(): a fresh time point at zero seconds.
local clock = require('time').steady_clock
local e = clock.epoch()
print(getmetatable(e), e.seconds_since_epoch)
print(e == clock.epoch(), rawequal(e, clock.epoch()))
print(e < clock.now())
