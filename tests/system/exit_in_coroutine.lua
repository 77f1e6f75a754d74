-- system.exit from inside a coroutine still ends the VM at once.
local system = require 'system'
local co = coroutine.wrap(function()
    print('in coroutine')
    system.exit(9)
    print('not reached')
end)
co()
print('not reached either')
