-- The parsing rules may change between get_line() calls: the data
-- already buffered is parsed with the new rules.
local stream = require 'stream'
local mem = require './mem'

local sc = stream.scanner.new{stream = mem.reader('a;b\nc d;e f\n')}
mem.show(sc:get_line(), sc.record_terminator)
sc.record_separator = ';'
mem.show(sc:get_line(), sc.record_terminator)
sc.record_separator = '\n'
sc.field_separator = ' '
mem.show(sc:get_line(), sc.record_terminator)
print(pcall(sc.get_line, sc))
