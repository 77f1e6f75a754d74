-- Canceling a fiber whose coroutine is parked in sleep: the sleep raises
-- fiber_canceled inside the coroutine, resume() returns it like pcall,
-- and the fiber's next cancellation point raises again.
local sleep = require('time').sleep
local co = coroutine.create(function()
    sleep(1000)
    print('not reached (coroutine)')
end)
local f = spawn(function()
    local ok, e = coroutine.resume(co)
    print(ok, tostring(e), coroutine.status(co))
    this_fiber.yield()
    print('not reached (fiber)')
end)
this_fiber.yield()
f:cancel()
f:join()
print(f.cancellation_caught)
