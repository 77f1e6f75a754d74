-- Once canceled, a fiber stays canceled: after catching fiber_canceled,
-- the next suspending call raises it again.
local sleep = require('time').sleep
local f = spawn(function()
    local ok, e = pcall(sleep, 1000)
    print(ok, tostring(e))
    print('caught; sleeping again')
    sleep(0)
    print('not reached')
end)
this_fiber.yield()
f:cancel()
f:join()
print(f.cancellation_caught)
