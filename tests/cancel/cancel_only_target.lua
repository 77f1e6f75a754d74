-- Canceling one sleeping fiber leaves another one's sleep alone.
local sleep = require('time').sleep
local a = spawn(function() sleep(1000) return 'a woke' end)
local b = spawn(function() sleep(0.001) return 'b woke' end)
this_fiber.yield()
a:cancel()
local ra = select('#', a:join())
local rb = b:join()
print(ra, a.cancellation_caught, rb, b.cancellation_caught)
