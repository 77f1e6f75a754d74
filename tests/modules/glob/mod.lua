exported = 42
local hidden = 'local'
function greet(who) return 'hello ' .. who end
-- the standard globals are still reachable
print('module sees', type(print), type(string.format))
-- and the importer's globals are not
print('module sees importer global:', secret)
