-- system_timer and steady_timer started in the same tick fire in expiry
-- order.
local time = require 'time'
local s = time.steady_timer.new()
local y = time.system_timer.new()
s:expires_after(0.02)
y:expires_at(time.system_clock.now() + 0.01)
local a = spawn(function() s:wait() print('steady 0.02') end)
local b = spawn(function() y:wait() print('system 0.01') end)
a:join()
b:join()
