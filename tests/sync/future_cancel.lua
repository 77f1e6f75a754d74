-- get() is a cancellation point: a waiter canceled while blocked raises
-- fiber_canceled and gets no value; the other waiters are not affected.
local future = require('future')
local promise, fut = future.new()
local a = spawn(function()
    local ok, e = pcall(fut.get, fut)
    print('a:', ok, tostring(e))
end)
local b = spawn(function() print('b got', fut:get()) end)
this_fiber.yield()
a:cancel()
a:join()
promise:set_value('v')
b:join()
