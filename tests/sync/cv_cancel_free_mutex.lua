-- When the mutex is free, the canceled waiter takes it at once and raises
-- fiber_canceled holding it.  (pcall would be a cancellation point
-- again here, so the unlock is a plain call.)
local mutex = require('mutex')
local condition_variable = require('condition_variable')
local m = mutex.new()
local c = condition_variable.new()
local f = spawn(function()
    m:lock()
    local ok, e = pcall(c.wait, c, m)
    print(ok, tostring(e))
    m:unlock()      -- raises (and kills the fiber) unless we own it
    print('the canceled waiter owned the mutex')
end)
this_fiber.yield()
f:cancel()
print('main try_lock:', m:try_lock())
f:join()
print('main try_lock:', m:try_lock())
