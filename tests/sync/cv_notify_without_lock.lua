-- The notifier need not hold the mutex (the waiter does not suspend
-- between testing its predicate and wait()).  The mutex is free, so the
-- woken fiber owns it at once, before it even runs.
local mutex = require('mutex')
local condition_variable = require('condition_variable')
local m = mutex.new()
local c = condition_variable.new()
local ready = false
local f = spawn(function()
    m:lock()
    while not ready do c:wait(m) end
    print('consumer saw ready')
    m:unlock()
end)
this_fiber.yield()
ready = true
c:notify_one()
print('notified without the lock; try_lock:', m:try_lock())
f:join()
print('try_lock:', m:try_lock())
