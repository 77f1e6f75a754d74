require './a'
print('main: not reached')
