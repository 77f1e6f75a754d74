local sleep = require('time').sleep
local f = spawn(function() sleep(1000) end)
this_fiber.yield()
f:cancel()
f:cancel()
print(select('#', f:join()), f.cancellation_caught)
