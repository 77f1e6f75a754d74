-- './x' from a file module raises.
require './rel/leaf'
print('done')
