-- max_record_size also holds when set_buffer() gave a buffer larger than
-- it: a record that would need more raises before reading further.
local stream = require 'stream'
local mem = require './mem'

local sc = stream.scanner.new{stream = mem.reader('efgh\n'), max_record_size = 4}
local big = byte_span.new(4, 64)
big:copy('abcd')
sc:set_buffer(big)
local ok, e = pcall(sc.get_line, sc)
print(ok, e, sc.stream.calls)
sc.max_record_size = 16
mem.show(sc:get_line(), sc.stream.calls)
