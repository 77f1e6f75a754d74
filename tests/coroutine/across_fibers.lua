-- A coroutine created in one fiber may be started in a second and resumed
-- in a third, with native suspensions in each.
local sleep = require('time').sleep
local co = coroutine.create(function(a)
    sleep(0)
    local b = coroutine.yield(a .. '1')
    sleep(0)
    return b .. '2'
end)
local f1 = spawn(function() return coroutine.resume(co, 'x') end)
print(f1:join())
local f2 = spawn(function() return coroutine.resume(co, 'y') end)
print(f2:join())
