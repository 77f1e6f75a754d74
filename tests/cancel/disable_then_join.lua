-- The recap pattern: cancel, then join with cancellation disabled so the
-- joiner itself cannot be interrupted while waiting.
local sleep = require('time').sleep
local f = spawn(function()
    scope_cleanup_push(function() print('child cleanup') end)
    sleep(1000)
end)
local m
m = spawn(function()
    f:cancel()
    m:cancel()
    this_fiber.disable_cancellation()
    f:join()
    print('joined while canceled')
    this_fiber.restore_cancellation()
    this_fiber.yield()
    print('not reached')
end)
m:join()
print(f.cancellation_caught, m.cancellation_caught)
