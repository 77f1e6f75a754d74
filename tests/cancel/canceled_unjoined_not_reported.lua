-- fiber_canceled escaping a fiber never joined is not reported at shutdown
-- nor when its handle is collected.
local sleep = require('time').sleep
local f = spawn(function() sleep(1000) end)
local g = spawn(function() sleep(1000) end)
this_fiber.yield()
f:cancel()
g:cancel()
g = nil
this_fiber.yield()
collectgarbage()
print('main end', f.joinable)
