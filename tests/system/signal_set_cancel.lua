-- set:cancel() aborts every pending wait with operation_aborted.
local system = require 'system'
local asio_error = require 'asio_error'
local sig = system.signal
local set = sig.set.new(sig.SIGUSR1)
local function waiter(name)
    return spawn(function()
        local ok, e = pcall(set.wait, set)
        print(name, ok, e == asio_error.basic.operation_aborted, tostring(e))
    end)
end
local a, b = waiter('a'), waiter('b')
this_fiber.yield()
set:cancel()
a:join()
b:join()
set:cancel()                 -- nobody waits: nothing happens
sig.raise(sig.SIGUSR1)
print('still works', set:wait())
