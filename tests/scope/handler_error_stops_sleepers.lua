-- A failing handler ends the VM at once: fibers parked in long operations
-- are interrupted and their code never runs again.
local sleep = require('time').sleep
spawn(function() sleep(1000) print('never printed') end):detach()
this_fiber.yield()
scope_cleanup_push(function() error('handler failed', 0) end)
scope_cleanup_pop()
