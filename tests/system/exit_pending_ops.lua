-- Ending the VM while fibers wait on a signal set and on stdin: their
-- operations are torn down with the VM.
local system = require 'system'
local h = require './helpers'
local r, w = h.pipe()
h.dup2(r, 0)
h.close(r)
local set = system.signal.set.new(system.signal.SIGUSR1)
spawn(function() set:wait() print('not reached') end)
spawn(function() system.in_:read_some(byte_span.new(4)) print('not reached') end)
spawn(function()
    system.err:write_some('written before the exit\n')
end)
this_fiber.yield()
print('exiting')
system.exit(0)
