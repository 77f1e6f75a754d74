-- The stream ends before the buffer is full: read_all() raises the EOF
-- error (asio_error.misc.eof).  The bytes read are in the buffer, but
-- their count is lost to the caller.
local stream = require 'stream'
local asio_error = require 'asio_error'
local mem = require './mem'

local r = mem.reader('abc', 2)
local buf = byte_span.new(5):fill(46)
local ok, e = pcall(stream.read_all, r, buf)
print(ok, e, e == asio_error.misc.eof, e.category)
print(tostring(buf), r.calls)
