-- Of two timers started in the same tick, the earlier expiry fires
-- first, whatever order the waits began in.
local time = require 'time'
local late = time.steady_timer.new()
local early = time.steady_timer.new()
late:expires_after(0.02)
early:expires_after(0.01)
local a = spawn(function() late:wait() print('late') end)
local b = spawn(function() early:wait() print('early') end)
a:join()
b:join()
