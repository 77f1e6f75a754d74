-- wait() suspends, so it raises where suspension is forbidden.
local time = require 'time'
local t = time.steady_timer.new()
this_fiber.forbid_suspend()
local ok, e = pcall(t.wait, t)
this_fiber.allow_suspend()
print(ok, e.category, e == e)
t:wait()
print('allowed again')
