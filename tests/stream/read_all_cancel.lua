-- Canceling a fiber blocked in read_all(): fiber_canceled ends the
-- operation.  The 2 bytes read before the cancellation are in the buffer
-- and gone from the stream; their count is lost to the caller.
local stream = require 'stream'
local mem = require './mem'

local r = mem.reader('abcdef', 2)
local read_some = r.read_some
function r.read_some(s, buf)
    local n = read_some(s, buf)
    s.paused = true     -- the next call waits
    return n
end
local buf = byte_span.new(6):fill(46)
local f = spawn(function()
    local ok, e = pcall(stream.read_all, r, buf)
    print('read_all raised:', e)
    error(e)
end)
this_fiber.yield()
print('buffer:', tostring(buf), 'stream at:', r.pos)
f:cancel()
f:join()
print('cancellation_caught:', f.cancellation_caught)
print('buffer:', tostring(buf), 'stream at:', r.pos)
