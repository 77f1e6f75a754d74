-- buffered_line() gives the current record (without field splitting);
-- remove_line() drops it and clears record_terminator.  Both need a
-- record: before get_line() and after remove_line() they raise.
local stream = require 'stream'
local mem = require './mem'

local sc = stream.scanner.new{stream = mem.reader('a b\nc d\n'),
                              field_separator = ' '}
print(pcall(sc.buffered_line, sc))
print(pcall(sc.remove_line, sc))
mem.show(sc:get_line(), sc:buffered_line(), sc.record_terminator)
sc:remove_line()
print(sc.record_terminator, sc.record_number)
print(pcall(sc.buffered_line, sc))
print(pcall(sc.remove_line, sc))
mem.show(sc:get_line(), sc:buffered_line())
print(pcall(sc.buffered_line, 'x'))
print(pcall(sc.remove_line))
