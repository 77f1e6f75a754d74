-- Entry module in a subdirectory: its children live in rel/.
local v = require './value'
print('main got', v.name)
local t = require './top_file'
print('top_file got', t.sibling, t.above)
