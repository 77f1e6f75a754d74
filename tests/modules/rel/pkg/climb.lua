-- The project root is the entry's directory.  From rel/pkg/climb.lua,
-- '../' is rel/pkg, '../../' is rel, '../../../' is the root itself, and a
-- fourth '../' would leave the project.
local ok, e = pcall(require, '../../../../value')
print('four levels up:', ok, e, e.module)
