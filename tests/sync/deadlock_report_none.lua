-- No report when nothing is left suspended, nor when the main fiber's
-- error ends the VM (its end is not a deadlock).
local mutex = require('mutex')
local m = mutex.new()
m:lock()
spawn(function() m:lock() print('got it') m:unlock() end)
this_fiber.yield()
m:unlock()
this_fiber.yield()
m:lock()
spawn(function() m:lock() end)
this_fiber.yield()
error('main fails')
