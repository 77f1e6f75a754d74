-- rel/pkg/init.lua is the module './rel/pkg'; its './part' is
-- rel/pkg/part.lua.
local pkg = require './rel/pkg'
print('pkg part', pkg.part_name)
