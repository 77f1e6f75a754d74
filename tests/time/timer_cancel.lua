-- cancel() aborts a pending wait with operation_aborted and returns how
-- many waits it aborted.
local time = require 'time'
local t = time.steady_timer.new()
t:expires_after(1000)
local f = spawn(function()
    local ok, e = pcall(t.wait, t)
    print(ok, e, e.code, e.category)
end)
this_fiber.yield()
print(t:cancel())
print(t:cancel())
f:join()
print(f.cancellation_caught)
