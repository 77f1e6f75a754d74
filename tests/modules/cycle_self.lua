-- A module importing itself is a cycle.
require './cyc/self'
print('done')
