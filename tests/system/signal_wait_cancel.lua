-- A wait canceled while suspended has not happened: the signal that comes
-- later is still delivered to the next wait.
local system = require 'system'
local sig = system.signal
local set = sig.set.new(sig.SIGUSR1)
local waiter = spawn(function()
    set:wait()
    print('not reached')
end)
this_fiber.yield()
waiter:cancel()
waiter:join()
print('cancellation_caught', waiter.cancellation_caught)
sig.raise(sig.SIGUSR1)
print('next wait', set:wait())
