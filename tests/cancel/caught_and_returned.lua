-- A fiber that swallows fiber_canceled and returns normally was not ended
-- by cancellation: join() gives its results.
local sleep = require('time').sleep
local f = spawn(function()
    local ok, e = pcall(sleep, 1000)
    return 'recovered', ok, tostring(e)
end)
this_fiber.yield()
f:cancel()
print(f:join())
print(f.cancellation_caught)
