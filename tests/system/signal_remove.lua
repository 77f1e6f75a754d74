-- remove() drops the signal's queued notifications; clear() all of them.
local system = require 'system'
local sig = system.signal
local set = sig.set.new(sig.SIGUSR1, sig.SIGUSR2)
local sync = sig.set.new(sig.SIGWINCH)
sig.raise(sig.SIGUSR1)
sig.raise(sig.SIGWINCH)
sync:wait()
set:remove(sig.SIGUSR1)
set:remove(sig.SIGUSR1)      -- not in the set: nothing happens
set:add(sig.SIGUSR1)
sig.raise(sig.SIGUSR2)
print(set:wait())            -- the queued SIGUSR1 is gone

sig.raise(sig.SIGUSR1)
sig.raise(sig.SIGWINCH)
sync:wait()
set:clear()
set:add(sig.SIGUSR2)
sig.raise(sig.SIGUSR2)
print(set:wait())
