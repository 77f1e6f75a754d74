-- Sleepsort: every number gets a fiber that sleeps for a time proportional
-- to the number and then prints it, so the numbers come out sorted.
-- (Never synchronise real programs with timers; this only shows fibers
-- and timers at work.)  One unit is 2 ms here, to keep the demo short:
-- all the timers start together, so equal gaps keep their order.
local sleep = require('time').sleep

local numbers = {8, 42, 38, 111, 2, 39, 1}

for _, n in pairs(numbers) do
    spawn(function()
        sleep(n / 500)
        print(n)
    end)
end
