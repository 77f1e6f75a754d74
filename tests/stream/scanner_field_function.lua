-- A function field_separator receives the record (a byte_span) and
-- whatever it returns is what get_line() returns.
local stream = require 'stream'
local mem = require './mem'

local sc = stream.scanner.new{stream = mem.reader('k=v\nname=emilua\n')}
sc.field_separator = function(rec)
    local i = rec:find('=')
    return rec:sub(1, i - 1), rec:sub(i + 1), 'extra'
end
mem.show(sc:get_line())
mem.show(sc:get_line())
print(sc.record_number)
