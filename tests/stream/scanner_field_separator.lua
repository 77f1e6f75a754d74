-- A string field_separator splits each record at every occurrence of
-- that literal string; the fields are byte_spans.  An empty record has
-- no fields.
local stream = require 'stream'
local mem = require './mem'

local sc = stream.scanner.new{stream = mem.reader('a,b,,c\n\nx\n,y,\n1::2:3\n', 4),
                              field_separator = ','}
for _ = 1, 4 do
    local fields = sc:get_line()
    mem.show(#fields, fields, type(fields[1]), sc:buffered_line())
end
sc.field_separator = '::'
mem.show(sc:get_line())
