-- A timer whose wait was canceled can be collected afterwards.
local time = require 'time'
local f = spawn(function()
    local t = time.steady_timer.new()
    t:expires_after(1000)
    t:wait()
end)
this_fiber.yield()
f:cancel()
f:join()
collectgarbage()
collectgarbage()
print(f.cancellation_caught)
