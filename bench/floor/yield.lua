-- Floor for emilua/yield.lua.
local S = require 'sched'
S.run(function()
    local M = 5000000
    local yield = S.yield
    local n = 0
    local function pingpong()
        for _ = 1, M do
            n = n + 1
            yield()
        end
    end
    local a, b = S.spawn(pingpong), S.spawn(pingpong)
    a:join()
    b:join()
    print(n)
end)
