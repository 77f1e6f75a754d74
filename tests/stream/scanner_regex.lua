-- Regexes as scanner rules: a regex record_separator (its match, a
-- byte_span, is the record_terminator; an empty match is no separator),
-- field_separator (regex.split) and field_pattern (regex.patsplit).
-- Reads of 3 bytes make the separators straddle reads.
local stream = require 'stream'
local regex = require 'regex'
local mem = require './mem'

local crlf = regex.new{pattern = '\r?\n', grammar = 'ecma'}
local sc = stream.scanner.new{
    stream = mem.reader('a b\r\nc\nd\r\n\r\ne', 3),
    record_separator = crlf,
}
while true do
    local ok, rec = pcall(sc.get_line, sc)
    if not ok then print(tostring(rec)) break end
    mem.show(rec, sc.record_terminator, sc.record_number)
end

-- fields by separator, then by pattern
sc = stream.scanner.new{
    stream = mem.reader('x=1;;y=22\n"a;b";c\n', 4),
    field_separator = regex.new{pattern = ';+', grammar = 'extended'},
}
mem.show(sc:get_line())
sc.field_separator = nil
sc.field_pattern = regex.new{pattern = '"[^"]*"|[^;]+', grammar = 'extended'}
mem.show(sc:get_line())

-- a separator regex that can match the empty string only splits where
-- it matches something; as the reference warns, a match is taken as
-- soon as it is buffered, so the second "-" of "--" (not read yet) is
-- left to the next record
sc = stream.scanner.new{
    stream = mem.reader('a--b-c', 2),
    record_separator = regex.new{pattern = '-*', grammar = 'extended'},
}
for _ = 1, 4 do mem.show(sc:get_line(), sc.record_terminator) end

-- a byte_span is not a regex
print(pcall(stream.scanner.new, {record_separator = byte_span.append('\n')}))
