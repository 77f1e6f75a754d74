-- The program ends while a fiber waits for a child that would never
-- exit by itself (cat on a pipe we hold): the VM's close aborts the wait,
-- the child gets signal_on_gcreaper (SIGTERM) and is reaped before the
-- process exits.
local system = require 'system'
local pipe = require 'pipe'

local r, w = pipe.pair()
local p = system.spawn{program = '/bin/cat', arguments = {'cat'},
                       stdin = r:release()}
spawn(function()
    p:wait()
    print('never printed')
end)
this_fiber.yield()
print('exiting with the wait pending')
system.exit(3)
