-- time.sleep returns nothing, also for zero and negative durations.
local sleep = require('time').sleep
print(select('#', sleep(0.001)))
print(select('#', sleep(0)))
print(select('#', sleep(-1)))
print(select('#', sleep(-math.huge)))
print('done')
