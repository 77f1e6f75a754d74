-- The error a canceled wait raises is fiber_canceled, and the process
-- does not wait for the abandoned expiry.
local time = require 'time'
local t = time.steady_timer.new()
t:expires_after(1000)
local f = spawn(function()
    local ok, e = pcall(t.wait, t)
    print(ok, e, e.code, e.category)
end)
this_fiber.yield()
f:cancel()
f:join()
print(t:cancel())
