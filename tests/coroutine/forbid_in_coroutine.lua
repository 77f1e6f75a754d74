-- forbid_suspend() belongs to the fiber: a coroutine it runs cannot
-- suspend either.
local sleep = require('time').sleep
this_fiber.forbid_suspend()
local co = coroutine.create(function() sleep(0) end)
print(coroutine.resume(co))
this_fiber.allow_suspend()
