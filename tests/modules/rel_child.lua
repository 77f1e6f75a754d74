-- The entry module's './x' children live in the entry's directory.
local v = require './rel/value'
print('got', v.name)
