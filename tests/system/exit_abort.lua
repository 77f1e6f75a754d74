local system = require 'system'
print('before')
system.exit(0, {force = 'abort'})
print('not reached')
