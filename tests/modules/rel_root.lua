-- rel/pkg/rooted.lua imports '/rel/value', resolved from the project root.
local rooted = require './rel/pkg/rooted'
print('rooted value', rooted.value_name)
print('entry root import', require('/rel/value').name)
