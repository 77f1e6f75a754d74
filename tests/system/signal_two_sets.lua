-- The same signal in two sets: each set gets its own notification.
local system = require 'system'
local sig = system.signal
local a = sig.set.new(sig.SIGUSR1)
local b = sig.set.new(sig.SIGUSR1)
sig.raise(sig.SIGUSR1)
print('a', a:wait())
print('b', b:wait())
