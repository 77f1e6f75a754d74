-- Another file put behind fd 0 between two reads is the one the next read
-- waits on (the private epoll fd of system.in_ is made again).
local system = require 'system'
local h = require './helpers'
local ra, wa = h.pipe()
h.dup2(ra, 0)
h.close(ra)
h.write(wa, 'a')
local buf = byte_span.new(8)
local n = system.in_:read_some(buf)
print('from a:', tostring(buf:sub(1, n)))
local rb, wb = h.pipe()
h.dup2(rb, 0)
h.close(rb)
local reader = spawn(function()
    local n = system.in_:read_some(buf)
    print('from b:', tostring(buf:sub(1, n)))
end)
this_fiber.yield()
h.write(wb, 'b')
reader:join()
