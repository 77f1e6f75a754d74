-- A read canceled while suspended has not happened: the data written
-- afterwards is still there for the next read.
local system = require 'system'
local h = require './helpers'
local r, w = h.pipe()
h.dup2(r, 0)
h.close(r)
local reader = spawn(function()
    system.in_:read_some(byte_span.new(4))
    print('not reached')
end)
this_fiber.yield()
reader:cancel()
print('join', reader:join())
print('cancellation_caught', reader.cancellation_caught)
h.write(w, 'data')
local buf = byte_span.new(8)
local n = system.in_:read_some(buf)
print(n, tostring(buf:sub(1, n)))
