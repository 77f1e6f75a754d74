-- No partial record at EOF: get_line() raises EOF right away (for an
-- empty stream and after a final separator alike).
local stream = require 'stream'
local mem = require './mem'

local sc = stream.scanner.new{stream = mem.reader('')}
print(pcall(sc.get_line, sc))
print(sc.record_number)
sc = stream.scanner.new{stream = mem.reader('x\n')}
mem.show(sc:get_line())
print(pcall(sc.get_line, sc))
print(sc.record_number, sc.record_terminator)
