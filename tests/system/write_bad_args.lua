local system = require 'system'
local h = require './helpers'
h.try(system.out.write_some, system.out, 42)
h.try(system.out.write_some, system.out)
h.try(system.err.write_some, system.err, {})
-- called from Lua code, the message points at the call
print(pcall(function() system.out:write_some(true) end))
