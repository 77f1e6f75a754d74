-- Canceling a fiber blocked in write_all(): the pending write_some()
-- raises fiber_canceled, which ends write_all().  The bytes written
-- before stay written; how many they were is lost to the caller.
local stream = require 'stream'
local mem = require './mem'

local w = mem.writer(2)
local write_some = w.write_some
function w.write_some(s, buf)
    local n = write_some(s, buf)
    s.paused = true     -- the next call waits
    return n
end
local f = spawn(function()
    local ok, e = pcall(stream.write_all, w, 'abcdef')
    print('write_all raised:', e)
    error(e)
end)
this_fiber.yield()      -- f writes 'ab', then waits inside write_some()
print('written:', w.data, 'calls:', w.calls)
f:cancel()
f:join()
print('cancellation_caught:', f.cancellation_caught)
print('written:', w.data, 'calls:', w.calls)
