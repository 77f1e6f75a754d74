-- Time points: hidden metatable, methods, one read-only property.
local clock = require('time').steady_clock
local p = clock.epoch()
print(getmetatable(p))
print(type(p.add), type(p.sub), p.add == (p + 1).add)
print(pcall(function() return p.nope end))
print(pcall(function() p.seconds_since_epoch = 1 end))
print(pcall(function() p.add = 1 end))
print(pcall(setmetatable, p, {}))
print(p.seconds_since_epoch)
