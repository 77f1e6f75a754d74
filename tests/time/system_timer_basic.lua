-- system_timer: new, expiry, expires_at, wait; no expires_after.
local time = require 'time'
local clock = time.system_clock
local t = time.system_timer.new()
print(type(t), getmetatable(t), t.expiry == clock.epoch())
print(getmetatable(t.expiry))
print(select('#', t:wait()))                 -- expired at creation
local p = clock.now() + 0.01
print(t:expires_at(p), t.expiry == p)
t:wait()
print(clock.now() >= p)
print(pcall(function() return t.expires_after end))
print(type(t.wait), type(t.cancel), type(t.expires_at))
