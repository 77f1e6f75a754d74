-- system_clock.now(): wall clock time since the UNIX epoch.
local clock = require('time').system_clock
local p = clock.now()
print(type(p), getmetatable(p))
local secs = p.seconds_since_epoch
print(type(secs), secs > 1.6e9, secs < 1e10)
