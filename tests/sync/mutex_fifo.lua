-- Fibers blocked in lock() get the mutex in the order they called lock()
-- (here 3, 1, 4, 2, not the order they were spawned in), one at a time.
local mutex = require('mutex')
local m = mutex.new()
local delays = {1, 3, 0, 2}
m:lock()
local fibers = {}
for i = 1, 4 do
    fibers[i] = spawn(function()
        for _ = 1, delays[i] do this_fiber.yield() end
        print('fiber ' .. i .. ' waits')
        m:lock()
        print('fiber ' .. i .. ' owns the mutex')
        this_fiber.yield()
        print('fiber ' .. i .. ' unlocks')
        m:unlock()
    end)
end
for _ = 1, 5 do this_fiber.yield() end
print('main unlocks')
m:unlock()
for i = 1, 4 do fibers[i]:join() end
