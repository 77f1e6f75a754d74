-- write_at_least() stops once at least `minimum` bytes are out and
-- returns how many were written (here 4: two writes of 2 bytes).
local stream = require 'stream'
local mem = require './mem'

local w = mem.writer(2)
print(stream.write_at_least(w, byte_span.append('abcdefgh'), 3))
print(w.data, table.concat(w.log, ' '))
