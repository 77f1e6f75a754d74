-- After signal.default(SIGPIPE), the same write kills the process.
local system = require 'system'
local h = require './helpers'
system.signal.default(system.signal.SIGPIPE)
local r, w = h.pipe()
h.close(r)
h.dup2(w, 2)
h.close(w)
print('writing')
system.err:write_some('lost')
print('not reached')
