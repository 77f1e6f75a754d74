-- Combining strategies: the header section is parsed with get_line();
-- then remove_line() + buffer() give the body bytes already buffered,
-- read_all() reads the rest of the body, and set_buffer() hands what is
-- left back to the scanner for the next message.
local stream = require 'stream'
local mem = require './mem'

local data = 'POST / HTTP/1.1\r\nContent-Length: 10\r\n\r\n0123456789' ..
             'GET /next HTTP/1.1\r\n\r\n'
local r = mem.reader(data, 45)
local sc = stream.scanner.new{stream = r, record_separator = '\r\n'}
local length
while true do
    local line = tostring(sc:get_line())
    if line == '' then break end
    length = tonumber(line:match('^Content%-Length: (%d+)$')) or length
    print('header', line)
end
sc:remove_line()
local buf, offset = sc:buffer()
local have = buf:sub(offset)
mem.show('buffered body', have)
local body = byte_span.new(length)
body:copy(have)
stream.read_all(r, body:sub(#have + 1))
mem.show('body', body)
sc:set_buffer(byte_span.new(0))
mem.show('next', sc:get_line(), sc.record_number)
