-- Handlers run with cancellation disabled: a canceled fiber's handler can
-- still sleep.
local sleep = require('time').sleep
local f = spawn(function()
    scope_cleanup_push(function()
        sleep(0)
        print('handler slept')
    end)
    sleep(1000)
end)
this_fiber.yield()
f:cancel()
f:join()
print(f.cancellation_caught)
