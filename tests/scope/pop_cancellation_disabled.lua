-- A handler run by scope_cleanup_pop() also runs with cancellation
-- disabled, and cancellation is enabled again afterwards.
local sleep = require('time').sleep
local f
f = spawn(function()
    f:cancel()
    scope(function()
        scope_cleanup_push(function()
            sleep(0)
            print('popped handler slept')
        end)
        scope_cleanup_pop()
    end)
    print('after scope')
    this_fiber.yield()
    print('not reached')
end)
f:join()
print(f.cancellation_caught)
