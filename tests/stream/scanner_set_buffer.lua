-- set_buffer(buf, offset): buf's bytes from offset on are the buffered
-- data, its capacity the room for reads.  The current record and
-- record_terminator are discarded.  buffer() gives them back.
local stream = require 'stream'
local mem = require './mem'

local sc = stream.scanner.new{stream = mem.reader('tail\nmore\n', 5)}
local buf, offset = sc:buffer()
print(#buf, offset)
mem.show(sc:get_line(), sc.record_terminator)
local mine = byte_span.new(6, 32)
mine:copy('xx\nab ')
sc:set_buffer(mine, 3)
print(sc.record_terminator, pcall(sc.buffered_line, sc))
mem.show(sc:get_line())    -- "\n" at offset 3 ends an empty record
mem.show(sc:get_line())    -- "ab " + "more" read into mine's spare capacity
buf, offset = sc:buffer()
print(#buf, buf.capacity, offset)
