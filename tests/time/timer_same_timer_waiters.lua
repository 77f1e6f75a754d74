-- Every fiber waiting on a timer wakes when it expires, in wait order.
local time = require 'time'
local t = time.steady_timer.new()
t:expires_after(0.01)
local fs = {}
for i = 1, 3 do
    fs[i] = spawn(function() t:wait() print('woke', i) end)
end
for i = 1, 3 do fs[i]:join() end
print(t:cancel())
