-- fiber_canceled escaping a detached fiber is never reported.
local sleep = require('time').sleep
local f = spawn(function() sleep(1000) end)
this_fiber.yield()
f:cancel()
f:detach()
this_fiber.yield()
print('no report')
