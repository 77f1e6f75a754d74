-- read_at_least() reads until at least `minimum` bytes are in and
-- returns the count, which may be more than `minimum`.
local stream = require 'stream'
local mem = require './mem'

local r = mem.reader('abcdefghij', 2)
local buf = byte_span.new(8):fill(46)
print(stream.read_at_least(r, buf, 3))
print(tostring(buf), r.calls)
r = mem.reader('abcdefghij')
print(stream.read_at_least(r, buf, 1), tostring(buf), r.calls)
