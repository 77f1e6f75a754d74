-- get() suspends, so inside forbid_suspend it raises (even when the
-- result is ready, as join() does) and does not queue the fiber.
local future = require('future')
local promise, fut = future.new()
this_fiber.forbid_suspend()
local ok, e = pcall(fut.get, fut)
print(ok, tostring(e))
promise:set_value('v')
ok, e = pcall(fut.get, fut)
print(ok, tostring(e))
this_fiber.allow_suspend()
print(fut:get())
