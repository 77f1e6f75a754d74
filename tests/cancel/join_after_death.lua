-- Joining a fiber that already ended through cancellation returns nothing.
local sleep = require('time').sleep
local f = spawn(function() sleep(1000) end)
this_fiber.yield()
f:cancel()
this_fiber.yield()
print(f.joinable, f.cancellation_caught)
print(select('#', f:join()), f.cancellation_caught)
