-- Floor for emilua/mutex.lua (the Lua mutex of sched.lua hands off too).
local S = require 'sched'
S.run(function()
    local M = 1000000
    local m = S.mutex()
    local yield = S.yield
    local n = 0
    local function worker()
        for _ = 1, M do
            m:lock()
            n = n + 1
            yield()
            m:unlock()
        end
    end
    local a, b = S.spawn(worker), S.spawn(worker)
    a:join()
    b:join()
    print(n)
end)
