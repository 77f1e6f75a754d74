-- Like exit(3): only the low 8 bits reach the parent.
local system = require 'system'
system.exit(258)
