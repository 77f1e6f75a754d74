-- A multi-byte record_separator ("\r\n") is found even when a read
-- splits it; a lone "\r" or "\n" is part of the record.
local stream = require 'stream'
local mem = require './mem'

local data = 'GET / HTTP/1.1\r\nHost: x\ny\r\n\r\n'
for _, sizes in ipairs{{15, 1, 100}, {1}} do
    local sc = stream.scanner.new{stream = mem.reader(data, sizes),
                                  record_separator = '\r\n'}
    for _ = 1, 3 do
        mem.show(sc:get_line(), sc.record_terminator)
    end
end
