-- The runner's stdin is /dev/null: the first read is the end of file.
local system = require 'system'
local asio_error = require 'asio_error'
local ok, e = pcall(system.in_.read_some, system.in_, byte_span.new(8))
print(ok, e == asio_error.misc.eof, tostring(e.category))
