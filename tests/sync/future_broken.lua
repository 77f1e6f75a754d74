-- A promise collected before it was satisfied breaks its future: the
-- fibers blocked in get() and every later get() raise broken_promise.
local future = require('future')
local promise, fut = future.new()
local f = spawn(function()
    local ok, e = pcall(fut.get, fut)
    print('waiter:', ok, tostring(e.category), tostring(e))
end)
this_fiber.yield()
promise = nil
collectgarbage()
collectgarbage()
f:join()
local ok, e = pcall(fut.get, fut)
print('late:', ok, tostring(e))
