-- Fibers can suspend inside scope(); handlers run after the suspension.
local sleep = require('time').sleep
local f = spawn(function()
    return scope(function()
        scope_cleanup_push(function() print('handler') end)
        sleep(0)
        this_fiber.yield()
        return 'after suspending'
    end)
end)
print(f:join())
