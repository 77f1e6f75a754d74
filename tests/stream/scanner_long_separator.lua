-- A long separator arriving one byte at a time, with partial matches
-- ("EN", "ENDE") that must not end a record.
local stream = require 'stream'
local mem = require './mem'

local sc = stream.scanner.new{stream = mem.reader('aENbENDcENDEENDdEN', 1),
                              record_separator = 'END'}
mem.show(sc:get_line(), sc.record_terminator)
mem.show(sc:get_line(), sc.record_terminator)
mem.show(sc:get_line(), sc.record_terminator)
mem.show(sc:get_line(), sc.record_terminator)
