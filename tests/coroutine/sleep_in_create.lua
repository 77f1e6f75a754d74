local sleep = require('time').sleep
local co = coroutine.create(function(a, b)
    sleep(0)
    this_fiber.yield()
    return a + b
end)
print(coroutine.resume(co, 2, 3))
print(coroutine.status(co))
