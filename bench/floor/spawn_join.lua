-- Floor for emilua/spawn_join.lua: same loop on the minimal scheduler.
local S = require 'sched'
local spawn = S.spawn
S.run(function()
    local BATCHES, N = 5, 100000
    local n = 0
    local function f() n = n + 1 end
    for _ = 1, BATCHES do
        for _ = 1, N do spawn(f):join() end
    end
    print(n)
end)
