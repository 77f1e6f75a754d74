-- system.exit ends the whole VM: fibers that are ready never run again.
local system = require 'system'
spawn(function()
    print('fiber runs')
    this_fiber.yield()
    print('fiber resumed: not reached')
end)
this_fiber.yield()
print('main exits')
system.exit(4)
