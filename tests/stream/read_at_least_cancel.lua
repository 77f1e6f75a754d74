-- Canceling a fiber waiting inside read_at_least(): fiber_canceled ends
-- it and the stream was not read.
local stream = require 'stream'
local mem = require './mem'

local r = mem.reader('abc')
r.paused = true
local f = spawn(function()
    stream.read_at_least(r, byte_span.new(3), 1)
    print('not reached')
end)
this_fiber.yield()
f:cancel()
print(f:join())
print(f.cancellation_caught, r.calls, r.pos)
-- the data is still there for the next reader
r.paused = false
local buf = byte_span.new(3)
print(stream.read_at_least(r, buf, 1), tostring(buf))
