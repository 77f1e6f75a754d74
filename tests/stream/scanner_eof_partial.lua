-- At EOF the buffered data is returned as the last record, with an empty
-- record_terminator (a string, as record_separator is one).  The next
-- call raises the stream's EOF error, and so does every call after it.
local stream = require 'stream'
local asio_error = require 'asio_error'
local mem = require './mem'

local sc = stream.scanner.new{stream = mem.reader('a\nlast', 2)}
mem.show(sc:get_line(), sc.record_terminator, sc.record_number)
mem.show(sc:get_line(), sc.record_terminator, sc.record_number)
for _ = 1, 2 do
    local ok, e = pcall(sc.get_line, sc)
    print(ok, e, e == asio_error.misc.eof, sc.record_terminator, sc.record_number)
end
