-- With cancellation disabled the sleep is not interrupted; the fiber is
-- interrupted at the next cancellation point after restoring.
local sleep = require('time').sleep
local f = spawn(function()
    this_fiber.disable_cancellation()
    sleep(0.001)
    print('sleep completed')
    this_fiber.restore_cancellation()
    print('restored')
    this_fiber.yield()
    print('not reached')
end)
this_fiber.yield()
f:cancel()
f:join()
print(f.cancellation_caught)
