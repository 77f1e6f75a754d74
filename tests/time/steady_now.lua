-- steady_clock.now(): a time point that never goes backwards.
local clock = require('time').steady_clock
local a = clock.now()
local b = clock.now()
print(type(a), getmetatable(a))
print(a <= b, b >= a)
print(type(a.seconds_since_epoch), a.seconds_since_epoch > 0)
print(rawequal(a, b))
