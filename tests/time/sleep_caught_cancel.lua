-- The error a canceled sleep raises is fiber_canceled.
local sleep = require('time').sleep
local f = spawn(function()
    local ok, e = pcall(sleep, 1000)
    print(ok, e, e.code, e.category)
end)
this_fiber.yield()
f:cancel()
f:join()
