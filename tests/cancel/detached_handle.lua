-- cancel() on a detached handle is a no-op: the fiber's sleep completes.
local sleep = require('time').sleep
local f = spawn(function()
    sleep(0)
    print('detached fiber finished its sleep')
end)
this_fiber.yield()
f:detach()
f:cancel()
print('main end')
