-- Idle timers are collected, and they do not keep the program alive.
local time = require 'time'
for i = 1, 100 do
    local t = time.steady_timer.new()
    if i % 2 == 0 then t:expires_after(1000) end
    local u = time.system_timer.new()
    u:expires_at(time.system_clock.now() + 1000)
end
local t = time.steady_timer.new()
t:expires_after(0.001)
t:wait()                                  -- used, then dropped
t = nil
collectgarbage()
collectgarbage()
print('collected')
local kept = time.steady_timer.new()
kept:expires_after(1000)                  -- nobody waits: exit at once
print('done')
