local system = require 'system'
local args = system.arguments
print(#args)
print(args[1] == system.environment.EMILUA)
for i = 2, #args do print(i, '[' .. args[i] .. ']') end
