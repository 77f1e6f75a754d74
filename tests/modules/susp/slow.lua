-- Suspends twice before defining its exports.
local time = require 'time'
time.sleep(0)
this_fiber.yield()
print('slow: exporting')
value = 'ready'
