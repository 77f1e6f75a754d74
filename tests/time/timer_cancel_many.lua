-- cancel() aborts every pending wait; they fail in wait order.
local time = require 'time'
local t = time.steady_timer.new()
t:expires_after(1000)
local fs = {}
for i = 1, 3 do
    fs[i] = spawn(function()
        local ok, e = pcall(t.wait, t)
        print(i, ok, e.code)
    end)
end
this_fiber.yield()
print(t:cancel())
for i = 1, 3 do fs[i]:join() end
print(t:cancel())
