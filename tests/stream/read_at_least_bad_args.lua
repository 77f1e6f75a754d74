-- Argument checks of read_at_least().
local stream = require 'stream'
local mem = require './mem'

local r = mem.reader('abc')
local buf = byte_span.new(3)
print(pcall(stream.read_at_least, nil, buf, 1))
print(pcall(stream.read_at_least, r, 'abc', 1))
print(pcall(stream.read_at_least, r, buf))
print(pcall(stream.read_at_least, r, buf, 0.5))
local ok, e = pcall(stream.read_at_least, r, buf, -3)
print(ok, e, e.arg)
print(r.calls)
