-- stream.scanner: AWK-like records and fields from a read stream.
-- Run as: printf 'name  age\nalice 42\r\n  bob   7\ncarol' | emilua scanner.lua
local stream = require 'stream'
local system = require 'system'
local asio_error = require 'asio_error'

-- AWK defaults: one record per line, trimmed, split on runs of blanks.
local sc = stream.scanner.with_awk_defaults(system.in_)
while true do
    local ok, fields = pcall(sc.get_line, sc)
    if not ok then
        -- After the last record, get_line() raises the stream's EOF.
        assert(fields == asio_error.misc.eof)
        break
    end
    local ended_by = sc.record_terminator == '' and 'EOF' or 'newline'
    print(sc.record_number, #fields, tostring(fields[1]), ended_by)
end

-- A scanner over an in-memory stream, with "\r\n" records and ","
-- fields, as in a line-based network protocol.
local src = {data = 'a,b,c\r\nhello\r\n'}
function src:read_some(buf)
    if self.data == '' then error(asio_error.misc.eof) end
    local n = buf:copy(self.data)
    self.data = self.data:sub(n + 1)
    return n
end
local csv = stream.scanner.new{stream = src, record_separator = '\r\n',
                               field_separator = ','}
local fields = csv:get_line()
print(#fields, tostring(fields[2]), tostring(csv:buffered_line()))
csv.field_separator = nil        -- rules may change between calls
print(tostring(csv:get_line()))
