-- The main fiber's panic ends the VM at once, interrupting fibers parked
-- in long operations (the process does not wait for them).
local sleep = require('time').sleep
local f = spawn(function() sleep(1000) print('never printed') end)
this_fiber.yield()
error('stop', 0)
