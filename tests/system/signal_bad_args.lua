local system = require 'system'
local h = require './helpers'
local sig = system.signal
h.try(sig.set.new, 'x')
h.try(sig.set.new, sig.SIGUSR1, 0)
h.try(sig.set.new, 100000)
h.try(sig.set.new, sig.SIGKILL)
local set = sig.set.new()
h.try(set.add, set)
h.try(set.add, set, sig.SIGSTOP)
h.try(set.remove, set, -1)
h.try(set.wait, 5)
h.try(set.clear, {})
h.try(sig.raise, 'SIGINT')
h.try(sig.raise, 1.5)
h.try(sig.ignore)
h.try(sig.default, 0)
