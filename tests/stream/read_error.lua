-- Errors other than EOF from read_some() reach the caller unchanged.
local stream = require 'stream'
local asio_error = require 'asio_error'

local r = {}
function r:read_some(buf) error(asio_error.basic.connection_reset) end
local ok, e = pcall(stream.read_all, r, byte_span.new(4))
print(ok, e, e == asio_error.basic.connection_reset)
ok, e = pcall(stream.read_at_least, r, byte_span.new(4), 1)
print(ok, e)
function r:read_some(buf) error('plain string error', 0) end
print(pcall(stream.read_all, r, byte_span.new(4)))
