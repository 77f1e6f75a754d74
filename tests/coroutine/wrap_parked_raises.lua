-- Calling a wrap()ed function whose coroutine is parked raises too.
local sleep = require('time').sleep
local w = coroutine.wrap(function()
    sleep(0)
    return 'w done'
end)
local f = spawn(function() return w() end)
this_fiber.yield()
local ok, e = pcall(w)
print(ok, tostring(e))
print(f:join())
