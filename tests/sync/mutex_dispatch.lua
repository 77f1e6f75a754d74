-- lock() on a free mutex takes it without letting other ready fibers run
-- first (dispatch semantics).
local mutex = require('mutex')
local m = mutex.new()
spawn(function() print('other fiber runs') end)
m:lock()
print('locked without a context switch')
m:unlock()
this_fiber.yield()
print('after yield')
