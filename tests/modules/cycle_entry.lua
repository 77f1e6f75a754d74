-- A module importing the entry that is importing it is a cycle.
require './cyc/back'
print('done')
