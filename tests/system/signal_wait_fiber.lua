-- wait() suspends only the calling fiber; the others keep running.
local system = require 'system'
local sig = system.signal
local set = sig.set.new()
set:add(sig.SIGHUP)
local waiter = spawn(function() print('waiter got', set:wait()) end)
this_fiber.yield()
print('main runs while the waiter waits')
sig.raise(sig.SIGHUP)
waiter:join()
