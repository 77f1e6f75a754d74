print('c: importing a')
require '../a'
