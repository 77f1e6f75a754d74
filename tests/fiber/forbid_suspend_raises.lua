local sleep = require('time').sleep
this_fiber.forbid_suspend()
local ok, e = pcall(sleep, 0)
print(ok, tostring(e), tostring(e.category))
this_fiber.allow_suspend()
sleep(0)
print('slept')
