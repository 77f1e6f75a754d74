-- lock() returns no value, whether it takes a free mutex at once, waits
-- for it (also inside a coroutine), or is handed it by unlock(); the
-- spare waiter nodes a mutex keeps serve the next waits.
local mutex = require('mutex')
local m = mutex.new()
print('free', select('#', m:lock()))
local f = spawn(function()
    print('waited', select('#', m:lock()))
    m:unlock()
end)
local co = coroutine.wrap(function()
    print('waited in a coroutine', select('#', m:lock()))
    m:unlock()
end)
local g = spawn(co)
this_fiber.yield()
m:unlock()
f:join()
g:join()
-- many waiters at once, then again: the nodes are reused or freed
for round = 1, 2 do
    m:lock()
    local n = 0
    local fs = {}
    for i = 1, 10 do
        fs[i] = spawn(function() m:lock() n = n + 1 m:unlock() end)
    end
    this_fiber.yield()
    m:unlock()
    for i = 1, 10 do fs[i]:join() end
    print('round', round, n)
end
