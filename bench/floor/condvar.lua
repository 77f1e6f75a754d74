-- Floor for emilua/condvar.lua.
local S = require 'sched'
S.run(function()
    local N = 1000000
    local m = S.mutex()
    local not_empty, not_full = S.condition_variable(), S.condition_variable()
    local slot = nil
    local sum = 0
    local producer = S.spawn(function()
        for i = 1, N do
            m:lock()
            while slot ~= nil do not_full:wait(m) end
            slot = i
            not_empty:notify_one()
            m:unlock()
        end
    end)
    local consumer = S.spawn(function()
        for _ = 1, N do
            m:lock()
            while slot == nil do not_empty:wait(m) end
            sum = sum + slot
            slot = nil
            not_full:notify_one()
            m:unlock()
        end
    end)
    producer:join()
    consumer:join()
    print(sum)
end)
