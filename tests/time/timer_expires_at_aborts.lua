-- expires_at() aborts every pending wait and returns how many.
local time = require 'time'
local clock = time.steady_clock
local t = time.steady_timer.new()
t:expires_at(clock.now() + 1000)
local fs = {}
for i = 1, 2 do
    fs[i] = spawn(function()
        local ok, e = pcall(t.wait, t)
        print(i, ok, e.code)
    end)
end
this_fiber.yield()
print(t:expires_at(clock.now() + 0.01))
for i = 1, 2 do fs[i]:join() end
t:wait()
print(t:expires_at(clock.epoch()))
