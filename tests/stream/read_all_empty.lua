-- An empty buffer is already full: 0, without calling read_some().
local stream = require 'stream'
local mem = require './mem'

local r = mem.reader('abc')
print(stream.read_all(r, byte_span.new(0)), r.calls)
print(stream.read_at_least(r, byte_span.new(0), 5), r.calls)
