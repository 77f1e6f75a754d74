-- EOF before `minimum` bytes arrived raises the EOF error; once the
-- minimum is reached, EOF is not seen (no further read is made).
local stream = require 'stream'
local mem = require './mem'

local r = mem.reader('abc', 2)
print(pcall(stream.read_at_least, r, byte_span.new(8), 4))
r = mem.reader('abc', 2)
print(stream.read_at_least(r, byte_span.new(8), 3), r.calls)
print(pcall(stream.read_at_least, r, byte_span.new(8), 1))
