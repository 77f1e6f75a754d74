-- add()/sub() shift the time point in place and return nothing.
local clock = require('time').steady_clock
local p = clock.epoch()
print(select('#', p:add(1.5)), p.seconds_since_epoch)
print(select('#', p:sub(0.25)), p.seconds_since_epoch)
p:sub(2)
print(p.seconds_since_epoch)
p:add(-0.25)
print(p.seconds_since_epoch)
p:sub(-1)
print(p.seconds_since_epoch)
local q = clock.now()
local before = q.seconds_since_epoch
q:add(10)
print(q.seconds_since_epoch - before >= 9.999999, q.seconds_since_epoch - before <= 10.000001)
