-- ignore() makes a signal harmless; it refuses a signal some set holds.
local system = require 'system'
local h = require './helpers'
local sig = system.signal
sig.ignore(sig.SIGUSR1)
sig.raise(sig.SIGUSR1)
print('survived SIGUSR1')
local set = sig.set.new(sig.SIGUSR2)
h.try(sig.ignore, sig.SIGUSR2)
h.try(sig.default, sig.SIGUSR2)
set:remove(sig.SIGUSR2)
h.try(sig.ignore, sig.SIGUSR2)
sig.raise(sig.SIGUSR2)
print('survived SIGUSR2')
h.try(sig.ignore, sig.SIGKILL)
