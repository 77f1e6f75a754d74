-- Without a set, a raised SIGTERM takes its default action.
local system = require 'system'
print('raising')
system.signal.raise(system.signal.SIGTERM)
print('not reached')
