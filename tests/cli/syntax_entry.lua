-- A syntax error in the entry: the Lua message, exit 1, nothing runs.
print('not printed')
local x = = 2
