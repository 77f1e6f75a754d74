-- A coroutine parked inside a native suspension of another fiber reads as
-- "normal", and resuming it raises.
local sleep = require('time').sleep
local co = coroutine.create(function()
    sleep(0)
    return 'finished'
end)
local f = spawn(function() return coroutine.resume(co) end)
this_fiber.yield()
print(coroutine.status(co))
local ok, e = pcall(coroutine.resume, co)
print(ok, tostring(e))
print(f:join())
print(coroutine.status(co))
