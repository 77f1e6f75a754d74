-- fiber:cancel() on a waiting fiber: it ends with fiber_canceled, its
-- wait is gone from the timer, other waiters are untouched.
local time = require 'time'
local t = time.steady_timer.new()
t:expires_after(1000)
local a = spawn(function() t:wait() print('a: not reached') end)
local b = spawn(function()
    local ok, e = pcall(t.wait, t)
    print('b', ok, e.code)
end)
this_fiber.yield()
a:cancel()
print(select('#', a:join()), a.cancellation_caught)
print(t:cancel())
b:join()
print(t:cancel())
