-- default() restores the default action: SIGUSR1 then ends the process.
local system = require 'system'
local sig = system.signal
sig.ignore(sig.SIGUSR1)
sig.raise(sig.SIGUSR1)
print('ignored')
sig.default(sig.SIGUSR1)
sig.raise(sig.SIGUSR1)
print('not reached')
