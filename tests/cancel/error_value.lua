-- The value raised by a cancellation point is the emilua fiber_canceled error.
local sleep = require('time').sleep
local e
local f = spawn(function()
    local ok
    ok, e = pcall(sleep, 1000)
end)
this_fiber.yield()
f:cancel()
f:join()
print(type(e), tostring(e), tostring(e.category))
print(e.category:message(e.code))
