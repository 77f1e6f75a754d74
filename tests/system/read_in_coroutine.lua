-- Reads that suspend inside a coroutine deliver their data, and their end
-- of file, to that coroutine.  Each writer fiber runs only once the read
-- after it has suspended.
local system = require 'system'
local h = require './helpers'
local r, w = h.pipe()
h.dup2(r, 0)
h.close(r)
local co = coroutine.wrap(function()
    local buf = byte_span.new(8)
    spawn(function() h.write(w, 'abc') end)
    local n = system.in_:read_some(buf)
    coroutine.yield(tostring(buf:sub(1, n)))
    spawn(function() h.close(w) end)
    local ok, e = pcall(system.in_.read_some, system.in_, buf)
    return tostring(e)
end)
print('first', co())
print('second', co())
