-- A cancellation right after the buffer was replaced (to make room)
-- loses nothing either.
local stream = require 'stream'
local mem = require './mem'

local r = mem.reader('abcdefgh\n', 4)
local read_some = r.read_some
function r.read_some(s, buf)
    local n = read_some(s, buf)
    if s.calls == 1 then s.paused = true end
    return n
end
local sc = stream.scanner.new{stream = r, buffer_size_hint = 4}
local f = spawn(function() sc:get_line() end)
this_fiber.yield()      -- "abcd" fills the 4-byte buffer; a bigger one waits
f:cancel()
f:join()
print(f.cancellation_caught, r.calls)
local buf, offset = sc:buffer()
mem.show(buf:sub(offset), buf.capacity)
r.paused = false
mem.show(sc:get_line(), sc.record_terminator)
