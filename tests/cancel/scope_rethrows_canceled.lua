-- fiber_canceled unwinds through scope(): its handlers run, the error is
-- re-raised and ends the fiber.
local sleep = require('time').sleep
local f = spawn(function()
    scope(function()
        scope_cleanup_push(function() print('scope handler') end)
        sleep(1000)
    end)
    print('not reached')
end)
this_fiber.yield()
f:cancel()
f:join()
print(f.cancellation_caught)
