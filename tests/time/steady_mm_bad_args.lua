-- Metamethods reject operands of the wrong type.
local clock = require('time').steady_clock
local p = clock.epoch()
print(pcall(function() return p + 'x' end))
print(pcall(function() return {} + p end))
print(pcall(function() return p + p end))
print(pcall(function() return p - 'x' end))
print(pcall(function() return 1 - p end))
print(pcall(function() return p < 1 end))
