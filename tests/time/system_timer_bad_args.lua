-- system_timer bad arguments name the method and argument.
local time = require 'time'
local t = time.system_timer.new()
print(pcall(t.expires_at, t))
print(pcall(t.expires_at, t, 0))
print(pcall(t.expires_at, t, time.steady_clock.now()))
print(pcall(t.cancel, time.steady_timer.new()))
local ok, e = pcall(t.wait, 'x')
print(ok, (e:match('time%.system_timer:wait: .*')))
print(pcall(function() t.expiry = 1 end))
