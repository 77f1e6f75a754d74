-- The fiber died with an error and its root handler is still running
-- (suspended) when the handle is detached: the error, never joined, must
-- be reported, at the detach.
local sleep = require('time').sleep
local f = spawn(function()
    scope_cleanup_push(function() sleep(0) print('handler done') end)
    error('not lost', 0)
end)
this_fiber.yield()
print('detaching while the handler runs')
f:detach()
print('detached')
