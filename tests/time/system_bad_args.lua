-- system_clock points reject bad arguments like steady ones.
local clock = require('time').system_clock
local p = clock.epoch()
print(pcall(p.add, p, 'x'))
print(pcall(p.sub, 1, 1))
local ok, e = pcall(p.add, p, 0/0)
print(ok, e, e.arg)
ok, e = pcall(p.sub, p, math.huge)
print(ok, e, e.arg)
print(pcall(function() return p + true end))
print(pcall(function() return p.nope end))
print(p.seconds_since_epoch)
