-- cancel() on a timer nobody waits on returns 0 and keeps the expiry.
local time = require 'time'
local t = time.steady_timer.new()
print(t:cancel())
local p = time.steady_clock.now() + 1000
t:expires_at(p)
print(t:cancel(), t.expiry == p)
t:expires_after(0)
t:wait()
print(t:cancel())
