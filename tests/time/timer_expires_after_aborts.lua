-- expires_after() on a timer with a pending wait aborts that wait
-- (operation_aborted) and returns the count; a new wait uses the new
-- expiry.
local time = require 'time'
local t = time.steady_timer.new()
t:expires_after(1000)
local f = spawn(function()
    local ok, e = pcall(t.wait, t)
    print('first wait', ok, e.code)
    t:wait()
    print('second wait done')
end)
this_fiber.yield()
print(t:expires_after(0.01))
f:join()
