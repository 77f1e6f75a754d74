-- read_all() wants a stream object and a byte_span (strings are
-- immutable, so they cannot be read into).
local stream = require 'stream'
local mem = require './mem'

local r = mem.reader('abc')
print(pcall(stream.read_all))
print(pcall(stream.read_all, true, byte_span.new(1)))
print(pcall(stream.read_all, r, 'abc'))
print(pcall(stream.read_all, r, nil))
print(pcall(stream.read_all, r, 3))
print(r.calls)
