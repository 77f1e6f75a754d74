-- write_some() must return a byte count between 0 and the size of the
-- buffer it was given; anything else is an error naming the operation.
local stream = require 'stream'

local function returning(v)
    return {write_some = function() return v end}
end
print(pcall(stream.write_all, returning(5), 'abcd'))
print(pcall(stream.write_all, returning(-1), 'abcd'))
print(pcall(stream.write_all, returning(1.5), 'abcd'))
print(pcall(stream.write_all, returning('2'), 'abcd'))
print(pcall(stream.write_at_least, returning(nil), byte_span.new(4), 1))
