-- expiry is the absolute expiry time, whether or not it has passed.
local time = require 'time'
local clock = time.steady_clock
local t = time.steady_timer.new()
local before = clock.now()
t:expires_after(5)
local after = clock.now()
print(t.expiry >= before + 5, t.expiry <= after + 5)
local p = clock.epoch() + 42
print(t:expires_at(p), t.expiry == p, t.expiry.seconds_since_epoch)
p:add(1)                                 -- the timer keeps its own copy
print(t.expiry.seconds_since_epoch)
t:wait()
print(t.expiry.seconds_since_epoch)
