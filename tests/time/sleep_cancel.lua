-- fiber:cancel() interrupts a sleep: the fiber ends with fiber_canceled.
local sleep = require('time').sleep
local f = spawn(function()
    print('sleeping')
    sleep(1000)
    print('not reached')
end)
this_fiber.yield()
f:cancel()
print(select('#', f:join()), f.cancellation_caught)
