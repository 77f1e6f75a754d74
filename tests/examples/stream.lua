-- The stream module: composed reads and writes over any object that has
-- read_some()/write_some() methods.
local stream = require 'stream'
local system = require 'system'
local asio_error = require 'asio_error'

-- A read stream that hands out at most 4 bytes per read_some(), like a
-- socket that delivers data in small packets.
local source = {data = 'HEADbody of 12..and the rest'}
function source:read_some(buf)
    if self.data == '' then error(asio_error.misc.eof) end
    local n = buf:copy(self.data:sub(1, 4))
    self.data = self.data:sub(n + 1)
    return n
end

-- read_all() fills the whole buffer, however many reads it takes.
local head = byte_span.new(4)
stream.read_all(source, head)
print('head:', tostring(head))

-- read_at_least() stops once `minimum` bytes are in; it may get more.
local buf = byte_span.new(64)
local n = stream.read_at_least(source, buf, 10)
print('read', n, 'bytes:', tostring(buf:first(n)))

-- The stream ends before the buffer is full: EOF is an error.
local ok, err = pcall(stream.read_all, source, byte_span.new(64))
print(ok, err, err == asio_error.misc.eof)

-- A write stream that accepts 5 bytes per call: write_all() retries the
-- short writes until everything is out.
local sink = {parts = {}}
function sink:write_some(buf)
    local n = math.min(#buf, 5)
    self.parts[#self.parts + 1] = tostring(buf:first(n))
    return n
end
print(stream.write_all(sink, 'short writes are retried'))
print(table.concat(sink.parts, '|'))

-- write_at_least() is done once `minimum` bytes are out.
sink.parts = {}
print(stream.write_at_least(sink, byte_span.append('0123456789abc'), 6))
print(table.concat(sink.parts, '|'))

-- Real streams work the same way; write_all() also takes strings.
stream.write_all(system.out, 'bye from system.out\n')
