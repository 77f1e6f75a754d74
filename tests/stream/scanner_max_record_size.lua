-- max_record_size bounds the buffer: a record (with its separator) of up
-- to that size is fine; a longer one raises "Buffer size limit exceeded"
-- (emilua category) and the scanner keeps the data it has.
local stream = require 'stream'
local mem = require './mem'

local sc = stream.scanner.new{stream = mem.reader('1234567\n12345678\n', 3),
                              max_record_size = 8}
mem.show(sc:get_line())
local ok, e = pcall(sc.get_line, sc)
print(ok, e, e.category, sc.record_number)
local buf, offset = sc:buffer()
mem.show(buf:sub(offset))
print(pcall(sc.get_line, sc))
