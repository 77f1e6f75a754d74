-- write_at_least() takes a byte_span (not a string) and an integer
-- minimum; a negative minimum is EINVAL for argument 3.
local stream = require 'stream'
local mem = require './mem'

local w = mem.writer()
local buf = byte_span.append('abc')
print(pcall(stream.write_at_least, 'w', buf, 1))
print(pcall(stream.write_at_least, w, 'abc', 1))
print(pcall(stream.write_at_least, w, buf))
print(pcall(stream.write_at_least, w, buf, 1.5))
print(pcall(stream.write_at_least, w, buf, '1'))
local ok, e = pcall(stream.write_at_least, w, buf, -1)
print(ok, e, e.arg, e == require('generic_error').EINVAL)
print(w.calls)
