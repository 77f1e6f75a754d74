-- Canceling a fiber waiting inside write_at_least(): fiber_canceled
-- ends it; nothing was written.
local stream = require 'stream'
local mem = require './mem'

local w = mem.writer()
w.paused = true
local f = spawn(function()
    stream.write_at_least(w, byte_span.append('abc'), 2)
    print('not reached')
end)
this_fiber.yield()
f:cancel()
print(f:join())
print(f.cancellation_caught, w.calls, w.data == '')
