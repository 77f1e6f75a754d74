-- A sleep never ends before the requested time (steady clock).
local time = require 'time'
local now = time.steady_clock.now
local start = now()
time.sleep(0.02)
print(now() - start >= 0.02)
start = now()
time.sleep(0.0015)
print(now() - start >= 0.0015)
