-- The exit is not an error that pcall could catch; cleanup handlers of the
-- ending fiber do not run either.
local system = require 'system'
scope_cleanup_push(function() print('cleanup: not reached') end)
print(pcall(system.exit, 5))
print('not reached')
