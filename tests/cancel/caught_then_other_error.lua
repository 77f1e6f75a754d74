-- A canceled fiber that dies of another error re-raises that error.
local sleep = require('time').sleep
local f = spawn(function()
    pcall(sleep, 1000)
    error('other', 0)
end)
this_fiber.yield()
f:cancel()
print(pcall(f.join, f))
print(f.cancellation_caught)
