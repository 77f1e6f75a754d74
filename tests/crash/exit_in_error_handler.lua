-- system.exit() where the fiber cannot yield: the VM ends at its next
-- scheduling point.
local system = require 'system'
print(xpcall(error, function(e) system.exit(3) return 'handled' end, 'x'))
print('runs on until the next scheduling point')
this_fiber.yield()
print('not reached')
