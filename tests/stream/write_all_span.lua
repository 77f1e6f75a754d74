-- write_all() with a byte_span and 1-byte writes; the span is unchanged.
local stream = require 'stream'
local mem = require './mem'

local buf = byte_span.append('abcd')
local w = mem.writer(1)
print(stream.write_all(w, buf))
print(w.data, w.calls, tostring(buf), #buf)
print(table.concat(w.log, ' '))
