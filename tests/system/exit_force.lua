-- force = 2 leaves at once, skipping the runtime's shutdown.
local system = require 'system'
print('before')
system.exit(6, {force = 2})
print('not reached')
