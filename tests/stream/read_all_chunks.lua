-- read_all() keeps calling read_some() (here 1 byte at a time) until the
-- buffer is full and returns its size; data past it stays in the stream.
local stream = require 'stream'
local mem = require './mem'

local r = mem.reader('abcdefgh', 1)
local buf = byte_span.new(5)
print(stream.read_all(r, buf))
print(tostring(buf), r.calls)
r = mem.reader('abcdefgh', {3, 10})
print(stream.read_all(r, buf), tostring(buf), r.calls)
print(stream.read_all(r, byte_span.new(3)), r.calls)
