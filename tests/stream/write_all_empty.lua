-- Nothing to write: write_all() returns 0 without calling write_some().
local stream = require 'stream'
local mem = require './mem'

local w = mem.writer()
print(stream.write_all(w, ''))
print(stream.write_all(w, byte_span.new(0)))
print(w.calls)
