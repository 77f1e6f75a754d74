-- An error other than EOF from read_some() reaches the caller of
-- get_line() unchanged; the buffered data is kept for a retry.
local stream = require 'stream'
local asio_error = require 'asio_error'
local mem = require './mem'

local r = mem.reader('ab\ncd\n', 4)
local read_some = r.read_some
local fail = true
function r.read_some(s, buf)
    if s.calls == 1 and fail then
        fail = false
        error(asio_error.basic.connection_reset)
    end
    return read_some(s, buf)
end
local sc = stream.scanner.new{stream = r}
mem.show(sc:get_line())
local ok, e = pcall(sc.get_line, sc)
print(ok, e, e == asio_error.basic.connection_reset)
mem.show(sc:get_line(), sc.record_number)
