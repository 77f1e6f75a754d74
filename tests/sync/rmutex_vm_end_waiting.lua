-- The program ends while fibers wait for a recursive_mutex held at two
-- levels: the deadlock report names it, the fibers are dropped and the
-- process exits normally.
local recursive_mutex = require('recursive_mutex')
local m = recursive_mutex.new()
m:lock()
m:lock()
for _ = 1, 2 do
    spawn(function()
        m:lock()
        print('not reached')
    end)
end
this_fiber.yield()
print('main ends holding the mutex')
