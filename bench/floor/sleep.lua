-- Floor for emilua/sleep.lua: heap of real (CLOCK_MONOTONIC) deadlines,
-- the loop nanosleep()s until the earliest one.
local S = require 'sched'
S.run(function()
    local sleep = S.sleep
    local N = 100000
    local n = 0
    local function sleeper()
        sleep(0.5)
        n = n + 1
    end
    local t = {}
    for i = 1, N do t[i] = S.spawn(sleeper) end
    for i = 1, N do t[i]:join() end
    print(n)
end)
