-- Signals that arrive with nobody waiting are queued per set and handed
-- out one per wait(), lowest signal number first.  A second set tells us
-- when the deliveries happened (libuv reports signals in arrival order).
local system = require 'system'
local sig = system.signal
local set = sig.set.new(sig.SIGUSR1, sig.SIGUSR2, sig.SIGHUP)
local sync = sig.set.new(sig.SIGWINCH)
sig.raise(sig.SIGUSR2)
sig.raise(sig.SIGUSR1)
sig.raise(sig.SIGUSR2)
sig.raise(sig.SIGWINCH)
sync:wait()
print(set:wait(), set:wait(), set:wait())
sig.raise(sig.SIGHUP)
print(set:wait())
