-- write_all() with a string: short writes of 3 bytes are retried until
-- everything is written; it returns the buffer's size.
local stream = require 'stream'
local mem = require './mem'

local w = mem.writer(3)
print(stream.write_all(w, 'hello world'))
print(w.data)
print(table.concat(w.log, ' '))
