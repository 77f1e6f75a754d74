-- read_all()/read_at_least() on stdin (a pipe) and write_all() on stdout.
local stream = require 'stream'
local system = require 'system'

local buf = byte_span.new(6)
print(stream.read_all(system.in_, buf))
stream.write_all(system.out, buf)
stream.write_all(system.out, '|\n')
print(stream.read_at_least(system.in_, byte_span.new(10), 1))
local ok, e = pcall(stream.read_all, system.in_, byte_span.new(1))
print(ok, e)
