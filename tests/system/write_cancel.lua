-- stderr becomes a pipe nobody reads.  A writer fills it and then waits;
-- canceling the waiting write means it has not happened: draining the pipe
-- gives back exactly the bytes of the writes that returned.
local system = require 'system'
local h = require './helpers'
local saved = system.err:dup()
local r, w = h.pipe()
h.dup2(w, 2)
h.close(w)
local written = 0
local writer = spawn(function()
    local chunk = string.rep('z', 4096)
    while true do
        written = written + system.err:write_some(chunk)
    end
end)
-- Each write that can be made at once still returns through the ready
-- queue: yield until the writer stops making progress.
local before
repeat
    before = written
    this_fiber.yield()
until written == before and written > 0
print('writer waits; pipe filled:', written > 0)
writer:cancel()
writer:join()
print('cancellation_caught', writer.cancellation_caught)
system.err:dup_from(saved)
h.set_nonblock(r)
local drained = 0
while true do
    local s = h.read(r, 65536)
    if s == nil or #s == 0 then break end
    drained = drained + #s
end
print('drained == written:', drained == written)
print('stderr nonblocking:', h.is_nonblock(2))
