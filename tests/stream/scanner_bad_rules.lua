-- Rules changed to bad values after new() are caught by get_line().
local stream = require 'stream'
local mem = require './mem'

local sc = stream.scanner.new{stream = mem.reader('a\nb\nc\n')}
sc.record_separator = 5
print(pcall(sc.get_line, sc))
sc.record_separator = ''
local ok, e = pcall(sc.get_line, sc)
print(ok, e, e.field)
sc.record_separator = '\n'
sc.field_separator = {}
print(pcall(sc.get_line, sc))
sc.field_separator = nil
sc.field_pattern = 'x'
print(pcall(sc.get_line, sc))
sc.field_pattern = nil
mem.show(sc:get_line(), sc.record_number)
