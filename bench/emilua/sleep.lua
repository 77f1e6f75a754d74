-- 100k fibers sleeping 0.5 s concurrently; wall time and peak RSS.
local sleep = require('time').sleep
local N = 100000
local n = 0
local function sleeper()
    sleep(0.5)
    n = n + 1
end
local t = {}
for i = 1, N do t[i] = spawn(sleeper) end
for i = 1, N do t[i]:join() end
print(n)
