-- A get() on a future whose promise nothing will satisfy.
local future = require('future')
local p, f = future.new()
print(f:get())
print('not reached')
