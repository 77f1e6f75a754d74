-- A write_some() that returns 0 without an error ends the operation (as
-- in Boost.Asio) instead of spinning forever: the count written so far
-- is returned.
local stream = require 'stream'
local mem = require './mem'

local w = mem.writer{2, 0}
print(stream.write_all(w, 'abcdef'))
print(w.data, table.concat(w.log, ' '))
