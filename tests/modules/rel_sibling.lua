-- rel/pkg/user.lua imports '../helper': its sibling rel/pkg/helper.lua.
local user = require './rel/pkg/user'
print('user helper', user.helper_name)
