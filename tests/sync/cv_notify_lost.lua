-- A notification with nobody waiting is not remembered (unlike a
-- semaphore): a later wait() is only woken by a later notify.
local mutex = require('mutex')
local condition_variable = require('condition_variable')
local m = mutex.new()
local c = condition_variable.new()
c:notify_one()
c:notify_all()
local f = spawn(function()
    m:lock()
    c:wait(m)
    print('woke up')
    m:unlock()
end)
for _ = 1, 3 do this_fiber.yield() end
print('still waiting')
c:notify_one()
f:join()
