-- minimum = 0 writes nothing; a minimum above the buffer's size stops
-- when the buffer is exhausted and returns its size.
local stream = require 'stream'
local mem = require './mem'

local w = mem.writer(2)
print(stream.write_at_least(w, byte_span.append('abc'), 0), w.calls)
print(stream.write_at_least(w, byte_span.append('abc'), 10), w.data)
