local system = require 'system'
print('before')
system.exit(3)
print('not reached')
