-- The stream attribute may be set after new(), but get_line() needs it.
local stream = require 'stream'
local mem = require './mem'

local sc = stream.scanner.new()
print(pcall(sc.get_line, sc))
sc.stream = mem.reader('late\n')
mem.show(sc:get_line())
print(pcall(sc.get_line, 'sc'))
print(pcall(stream.scanner.mt.__index.get_line))
sc.stream = 42
print(pcall(sc.get_line, sc))
