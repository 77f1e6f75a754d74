-- Canceled while the innermost of two coroutines sleeps: fiber_canceled is
-- returned by the innermost resume; the outer coroutine goes on until its
-- own next cancellation point.
local sleep = require('time').sleep
local inner = coroutine.create(function() sleep(1000) end)
local outer = coroutine.create(function()
    local ok, e = coroutine.resume(inner)
    print('inner resume', ok, tostring(e))
    sleep(0)
    print('not reached')
end)
local f = spawn(function()
    local ok, e = coroutine.resume(outer)
    print('outer resume', ok, tostring(e))
end)
this_fiber.yield()
f:cancel()
f:join()
print(f.cancellation_caught)
