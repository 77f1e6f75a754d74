-- Producer/consumer through a one-slot buffer guarded by a mutex and two
-- condition variables: every item is one wait/notify round trip each way.
local mutex = require 'mutex'
local condition_variable = require 'condition_variable'
local N = 1000000
local m = mutex.new()
local not_empty, not_full = condition_variable.new(), condition_variable.new()
local slot = nil
local sum = 0
local producer = spawn(function()
    for i = 1, N do
        m:lock()
        while slot ~= nil do not_full:wait(m) end
        slot = i
        not_empty:notify_one()
        m:unlock()
    end
end)
local consumer = spawn(function()
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
