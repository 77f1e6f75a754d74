-- Canceling a fiber blocked in get_line(): fiber_canceled ends the call
-- and nothing is lost: the bytes already buffered stay in the scanner and
-- a later get_line() returns the whole record.
local stream = require 'stream'
local mem = require './mem'

local r = mem.reader('partial\nnext\n', 3)
local read_some = r.read_some
function r.read_some(s, buf)
    local n = read_some(s, buf)
    if s.calls == 1 then s.paused = true end   -- the 2nd call waits
    return n
end
local sc = stream.scanner.new{stream = r}
local f = spawn(function()
    local ok, e = pcall(sc.get_line, sc)
    print('get_line raised:', e)
    error(e)
end)
this_fiber.yield()      -- f buffers "par" and waits for more
print('calls:', r.calls)
f:cancel()
f:join()
print('cancellation_caught:', f.cancellation_caught, sc.record_number)
r.paused = false
mem.show(sc:get_line(), sc:get_line(), sc.record_number)
