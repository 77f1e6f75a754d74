-- A fiber other than the main one may end the VM too.
local system = require 'system'
local f = spawn(function()
    print('fiber exits')
    system.exit(7)
end)
f:join()
print('not reached')
