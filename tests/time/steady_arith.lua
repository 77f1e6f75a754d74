-- __add and __sub: point +/- seconds gives a new point, point - point
-- gives seconds.
local clock = require('time').steady_clock
local p = clock.epoch()
local q = p + 2
print(getmetatable(q), q.seconds_since_epoch, p.seconds_since_epoch)
local r = 3 + p
print(getmetatable(r), r.seconds_since_epoch)
local s = q - 0.5
print(getmetatable(s), s.seconds_since_epoch)
print(type(q - p), q - p, p - q)
print((p + 0.125) - p)
local a = clock.now()
print(a - a, (a + 1) - a)
