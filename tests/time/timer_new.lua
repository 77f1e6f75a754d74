-- steady_timer.new(): a new timer, expiring at the clock's epoch.
local time = require 'time'
local t = time.steady_timer.new()
local u = time.steady_timer.new()
print(type(t), getmetatable(t), rawequal(t, u))
print(getmetatable(t.expiry), t.expiry == time.steady_clock.epoch())
print(rawequal(t.expiry, t.expiry))
print(type(t.wait), type(t.cancel), type(t.expires_at), type(t.expires_after))
