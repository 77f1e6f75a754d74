-- Canceling a fiber parked in sleep wakes it at once with fiber_canceled:
-- the sleep has not happened and the code after it does not run.
local sleep = require('time').sleep
local f = spawn(function()
    print('sleeping')
    sleep(1000)
    print('not reached')
end)
this_fiber.yield()
f:cancel()
print('canceled')
print(select('#', f:join()), f.cancellation_caught)
