-- read_some ignores its first argument (it is there to look like a stream)
local system = require 'system'
local buf = byte_span.new(8)
local n = system.in_.read_some(nil, buf)
print(n, tostring(buf:sub(1, n)))
-- a zero-length buffer reads nothing and is no end of file
print(system.in_:read_some(byte_span.new(0)))
