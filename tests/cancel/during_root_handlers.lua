-- A fiber canceled while its root handler is suspended: the handler is
-- not interrupted and the fiber's outcome stays a normal return.
local sleep = require('time').sleep
local f = spawn(function()
    scope_cleanup_push(function()
        sleep(0.001)
        print('handler finished its sleep')
    end)
    return 'value'
end)
this_fiber.yield()
f:cancel()
print(f:join())
print(f.cancellation_caught)
