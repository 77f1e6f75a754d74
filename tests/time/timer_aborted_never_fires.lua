-- An aborted wait is finished for good: it does not also complete when
-- the old expiry comes.
local time = require 'time'
local t = time.steady_timer.new()
t:expires_after(0.01)
local events = {}
local f = spawn(function()
    local ok, e = pcall(t.wait, t)
    events[#events + 1] = ok and 'fired' or 'aborted'
end)
this_fiber.yield()
t:cancel()
f:join()
time.sleep(0.03)                        -- well past the old expiry
print(#events, events[1])
t:wait()                                -- the timer itself has expired
print('expired')
