-- Canceling a fiber suspended in join() interrupts the join; the target
-- is unaffected and can still be joined.
local sleep = require('time').sleep
local b = spawn(function() sleep(1000) print('b not reached') end)
local a = spawn(function()
    print('a joins b')
    b:join()
    print('a not reached')
end)
this_fiber.yield()
a:cancel()
a:join()
print('a', a.cancellation_caught, b.joinable)
b:cancel()
b:join()
print('b', b.cancellation_caught)
