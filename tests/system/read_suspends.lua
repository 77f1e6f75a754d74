-- stdin is an empty pipe: read_some suspends the fiber (other fibers run)
-- until data arrives, and the pipe stays in blocking mode.
local system = require 'system'
local h = require './helpers'
local r, w = h.pipe()
h.dup2(r, 0)
h.close(r)
local reader = spawn(function()
    local buf = byte_span.new(16)
    local n = system.in_:read_some(buf)
    print('read', n, tostring(buf:sub(1, n)))
end)
this_fiber.yield()
print('reader suspended; writing')
h.write(w, 'ping')
reader:join()
print('stdin nonblocking:', h.is_nonblock(0))
