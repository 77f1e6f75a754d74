-- rel/pkg/sub/init.lua imports '../helper': a sibling of its directory,
-- rel/pkg/helper.lua.
local sub = require './rel/pkg/sub'
print('sub helper', sub.helper_name)
