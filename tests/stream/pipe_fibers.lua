-- write_all() and read_all() in two fibers over an in-memory pipe that
-- holds at most 3 bytes: both sides suspend and take turns.
local stream = require 'stream'
local asio_error = require 'asio_error'

local pipe = {data = '', cap = 3, closed = false}
function pipe:write_some(buf)
    while #self.data >= self.cap do this_fiber.yield() end
    local n = math.min(#buf, self.cap - #self.data)
    self.data = self.data .. tostring(buf:sub(1, n))
    print('wrote', n)
    return n
end
function pipe:read_some(buf)
    while self.data == '' do
        if self.closed then error(asio_error.misc.eof) end
        this_fiber.yield()
    end
    local n = buf:copy(self.data)
    self.data = self.data:sub(n + 1)
    print('read', n)
    return n
end

spawn(function()
    print('write_all', stream.write_all(pipe, 'abcdefgh'))
    pipe.closed = true
end)
local buf = byte_span.new(8)
print('read_all', stream.read_all(pipe, buf), tostring(buf))
print(pcall(stream.read_at_least, pipe, byte_span.new(1), 1))
