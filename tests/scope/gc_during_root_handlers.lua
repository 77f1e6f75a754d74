-- Same as detach_during_root_handlers, with the handle garbage-collected.
local sleep = require('time').sleep
local function start()
    spawn(function()
        scope_cleanup_push(function() sleep(0) print('handler done') end)
        error('not lost', 0)
    end)
end
start()
this_fiber.yield()
collectgarbage()
collectgarbage()
print('collected')
