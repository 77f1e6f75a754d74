-- Waiting on an expired timer completes at once.
local time = require 'time'
local t = time.steady_timer.new()
print(select('#', t:wait()))           -- new timers have expired
print(t:expires_after(-1))
print(select('#', t:wait()))
print(t:expires_after(0))
t:wait()
print(t:expires_at(time.steady_clock.now()))
t:wait()
print(t:expires_at(time.steady_clock.epoch() - 100))
t:wait()
print('done')
