-- notify_all() wakes every waiter; they get the mutex back one after the
-- other, in the order they waited.
local mutex = require('mutex')
local condition_variable = require('condition_variable')
local m = mutex.new()
local c = condition_variable.new()
local fibers = {}
for i = 1, 3 do
    fibers[i] = spawn(function()
        m:lock()
        print('fiber ' .. i .. ' waits')
        c:wait(m)
        print('fiber ' .. i .. ' woke up holding the mutex')
        this_fiber.yield()
        print('fiber ' .. i .. ' unlocks')
        m:unlock()
    end)
end
this_fiber.yield()
m:lock()
print('notify_all while holding the mutex')
c:notify_all()
this_fiber.yield()
print('main unlocks')
m:unlock()
for i = 1, 3 do fibers[i]:join() end
c:notify_all()
print('notify_all with no waiters does nothing')
