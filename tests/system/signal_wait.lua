local system = require 'system'
local sig = system.signal
local set = sig.set.new(sig.SIGUSR1, sig.SIGUSR2)
print(getmetatable(set))
sig.raise(sig.SIGUSR2)
print('got', set:wait())
sig.raise(sig.SIGUSR1)
print('got', set:wait())
