-- trim_record = true strips whitespace (" \f\n\r\t\v") around each
-- record; a string gives the set of bytes to strip instead.  Trimming
-- happens before fields are split.
local stream = require 'stream'
local mem = require './mem'

local sc = stream.scanner.new{stream = mem.reader(' \t a b \r\n--x-y--\n-\n'),
                              trim_record = true}
mem.show(sc:get_line(), sc:buffered_line())
sc.trim_record = '-'
mem.show(sc:get_line())
sc.field_separator = '-'
mem.show(sc:get_line())
