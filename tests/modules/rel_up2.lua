-- rel/pkg/deep.lua imports '../../value': rel/value.lua.
local deep = require './rel/pkg/deep'
print('deep value', deep.value_name)
