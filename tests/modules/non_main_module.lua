local m = require './spawner/mod'
print('module top level:', m.time_type)
