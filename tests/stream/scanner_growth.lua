-- Records longer than buffer_size_hint make the buffer grow; records
-- returned earlier keep their bytes when the buffer is replaced.
local stream = require 'stream'
local mem = require './mem'

local long = string.rep('0123456789', 30)
local data = 'ab\ncd\n' .. long .. '\nef\n' .. long .. long .. '\n'
local sc = stream.scanner.new{stream = mem.reader(data, 3),
                              buffer_size_hint = 4}
local records = {}
for i = 1, 5 do records[i] = sc:get_line() end
mem.show(records[1], records[2], records[4])
print(tostring(records[3]) == long, tostring(records[5]) == long .. long)
local buf, offset = sc:buffer()
print(buf.capacity >= #long * 2, tostring(buf:sub(offset)) == long .. long .. '\n')
