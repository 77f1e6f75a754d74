-- Another fiber gets the mutex only once the owner dropped every level;
-- waiters are served in the order they called lock().
local recursive_mutex = require('recursive_mutex')
local m = recursive_mutex.new()
m:lock()
m:lock()
local fibers = {}
for i = 1, 3 do
    fibers[i] = spawn(function()
        m:lock()
        m:lock()
        print('fiber ' .. i .. ' owns two levels')
        m:unlock()
        this_fiber.yield()
        print('fiber ' .. i .. ' releases')
        m:unlock()
    end)
end
this_fiber.yield()
m:unlock()
print('main still owns one level')
this_fiber.yield()
print('main drops the last level')
m:unlock()
for i = 1, 3 do fibers[i]:join() end
