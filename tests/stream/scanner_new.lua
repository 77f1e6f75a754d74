-- new(opts) fills in the defaults, sets scanner.mt as the metatable and
-- returns opts itself; new() makes a new table.
local stream = require 'stream'

local opts = {record_separator = ';', foo = 'kept'}
local sc = stream.scanner.new(opts)
print(sc == opts, getmetatable(sc) == stream.scanner.mt, sc.foo)
print(sc.record_separator, sc.trim_record, sc.record_number)
print(sc.stream, sc.field_separator, sc.field_pattern, sc.record_terminator)
local other = stream.scanner.new()
print(type(other), other ~= sc, getmetatable(other) == stream.scanner.mt)
print(other.record_separator == '\n', other.trim_record, other.record_number)
print(type(stream.scanner.mt.__index.get_line))
