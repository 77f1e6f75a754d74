-- minimum = 0 reads nothing; a minimum above the buffer's size stops
-- when the buffer is full.
local stream = require 'stream'
local mem = require './mem'

local r = mem.reader('abcdef', 2)
local buf = byte_span.new(4)
print(stream.read_at_least(r, buf, 0), r.calls)
print(stream.read_at_least(r, buf, 100), tostring(buf), r.calls)
