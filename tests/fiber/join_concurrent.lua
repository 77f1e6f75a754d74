-- Only one fiber may wait in join() on a given fiber; a second one is
-- refused while the first waits.
local sleep = require('time').sleep
local t = spawn(function() sleep(0) return 't result' end)
local a = spawn(function() return t:join() end)
local b = spawn(function() return pcall(t.join, t) end)
print(a:join())
print(b:join())
