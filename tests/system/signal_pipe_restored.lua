-- SIGPIPE starts ignored; a set may take it for a while, and once the set
-- lets it go it is ignored again (not reset to the default action).
local system = require 'system'
local h = require './helpers'
local sig = system.signal
local set = sig.set.new(sig.SIGPIPE)
sig.raise(sig.SIGPIPE)
print('set got', set:wait())
set:remove(sig.SIGPIPE)
local r, w = h.pipe()
h.close(r)
h.dup2(w, 2)
h.close(w)
h.try(system.err.write_some, system.err, 'lost')
