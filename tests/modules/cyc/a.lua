print('a: start')
local b = require '../b'
b_name = b.name
name = 'a'
print('a: done')
