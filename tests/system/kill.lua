local system = require 'system'
local h = require './helpers'
local sig = system.signal
local set = sig.set.new(sig.SIGUSR2)
system.kill(system.getpid(), sig.SIGUSR2)
print('got', set:wait())
h.try(system.kill, system.getpid(), 0)     -- only checks
h.try(system.kill, 2147483647, 0)
h.try(system.kill, system.getpid(), 1000)
