-- read_some() must return a byte count within the buffer it was given.
local stream = require 'stream'

local function returning(v)
    return {read_some = function() return v end}
end
print(pcall(stream.read_all, returning(9), byte_span.new(4)))
print(pcall(stream.read_at_least, returning(false), byte_span.new(4), 2))
