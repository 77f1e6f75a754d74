-- A canceled fiber's root scope cleanup handlers run as the stack unwinds.
local sleep = require('time').sleep
local f = spawn(function()
    scope_cleanup_push(function() print('cleanup') end)
    sleep(1000)
end)
this_fiber.yield()
f:cancel()
f:join()
print('joined', f.cancellation_caught)
