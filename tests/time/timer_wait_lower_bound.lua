-- A wait returns once the clock has reached the expiry, not before.
local time = require 'time'
local now = time.steady_clock.now
local t = time.steady_timer.new()
local start = now()
print(t:expires_after(0.02))
t:wait()
print(now() >= t.expiry, now() - start >= 0.02)
t:expires_at(now() + 0.005)
t:wait()
print(now() >= t.expiry)
t:wait()                                 -- still expired: returns at once
print('done')
