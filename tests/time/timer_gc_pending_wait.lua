-- A pending wait keeps its timer alive even when nothing else refers to
-- the timer.
local time = require 'time'
local f = spawn(function()
    local function go()
        local t = time.steady_timer.new()
        t:expires_after(0.01)
        return t:wait()                   -- tail call: only the wait holds t
    end
    go()
    print('woke')
end)
for _ = 1, 5 do
    this_fiber.yield()
    collectgarbage()
    collectgarbage()
end
f:join()
print('done')
