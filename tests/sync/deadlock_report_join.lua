-- A VM that runs out of work with fibers suspended on what only its own
-- fibers could complete reports each object once, joins included.
local mutex = require('mutex')
local m = mutex.new()
m:lock()
local a = spawn(function() m:lock() end)
local b = spawn(function() m:lock() end)
spawn(function() a:join() end)
print('main ends')
