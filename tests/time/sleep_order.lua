-- The shorter of two sleeps started in the same tick ends first.
local sleep = require('time').sleep
local a = spawn(function() sleep(0.02) print('0.02') end)
local b = spawn(function() sleep(0.01) print('0.01') end)
a:join()
b:join()
