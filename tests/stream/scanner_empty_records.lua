-- Consecutive separators give empty records.
local stream = require 'stream'
local mem = require './mem'

local sc = stream.scanner.new{stream = mem.reader('\n\na\n\n', 1)}
for _ = 1, 4 do mem.show(sc:get_line(), sc.record_number) end
print(pcall(sc.get_line, sc))
