-- notify_one() wakes exactly one waiter, the oldest; wait() returns with
-- the mutex locked again.
local mutex = require('mutex')
local condition_variable = require('condition_variable')
local m = mutex.new()
local c = condition_variable.new()
print(getmetatable(c), type(c))
local fibers = {}
for i = 1, 3 do
    fibers[i] = spawn(function()
        m:lock()
        print('fiber ' .. i .. ' waits')
        print('wait returns', select('#', c:wait(m)), 'values')
        print('fiber ' .. i .. ' woke up')
        m:unlock()
    end)
end
this_fiber.yield()
for _ = 1, 3 do
    print('notify_one')
    c:notify_one()
    this_fiber.yield()
end
for i = 1, 3 do fibers[i]:join() end
