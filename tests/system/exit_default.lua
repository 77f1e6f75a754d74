local system = require 'system'
print('before')
system.exit()
print('not reached')
