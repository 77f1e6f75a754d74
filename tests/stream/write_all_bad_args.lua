-- Wrong argument types raise errors naming the function and argument.
local stream = require 'stream'
local mem = require './mem'

local w = mem.writer()
print(pcall(stream.write_all, nil, 'x'))
print(pcall(stream.write_all, 42, 'x'))
print(pcall(stream.write_all, w, 42))
print(pcall(stream.write_all, w, {}))
print(pcall(stream.write_all, w))
print(pcall(function() stream.write_all(w, true) end))
print(w.calls)
