local a = require './a'
print('main: a is', a.name, 'b is', a.b_name)
