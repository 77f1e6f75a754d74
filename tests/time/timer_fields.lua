-- Timers: hidden metatable, unknown fields raise, expiry is read-only.
local time = require 'time'
local t = time.steady_timer.new()
print(getmetatable(t))
print(pcall(function() return t.nope end))
print(pcall(function() t.expiry = time.steady_clock.now() end))
print(pcall(function() t.wait = nil end))
print(type(t.wait))
