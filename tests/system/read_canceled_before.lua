-- read_some is a cancellation point: with a cancellation pending it raises
-- before reading anything.
local system = require 'system'
local h = require './helpers'
local r, w = h.pipe()
h.dup2(r, 0)
h.close(r)
h.write(w, 'abc')
local f = spawn(function()
    this_fiber.disable_cancellation()
    this_fiber.yield()            -- canceled meanwhile
    this_fiber.restore_cancellation()
    system.in_:read_some(byte_span.new(4))
    print('not reached')
end)
this_fiber.yield()
f:cancel()
f:join()
local buf = byte_span.new(8)
local n = system.in_:read_some(buf)
print(n, tostring(buf:sub(1, n)))
