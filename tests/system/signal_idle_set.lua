-- A set nobody waits on does not keep the program running.
local system = require 'system'
local set = system.signal.set.new(system.signal.SIGUSR1)
print('done')
