-- The program ends while fibers are still blocked in lock(): the deadlock
-- report names the mutex once, the fibers are dropped, the process exits
-- normally and nothing leaks.
local mutex = require('mutex')
local m = mutex.new()
m:lock()
for _ = 1, 3 do
    spawn(function()
        m:lock()
        print('not reached')
    end)
end
this_fiber.yield()
print('main ends holding the mutex')
