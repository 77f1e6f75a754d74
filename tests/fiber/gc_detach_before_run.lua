-- A handle collected before its fiber ran detaches it: the fiber's error
-- is then reported as soon as it dies.
local function start() spawn(function() error('x', 0) end) end
start()
collectgarbage()
collectgarbage()
print('collected')
this_fiber.yield()
print('after yield')
