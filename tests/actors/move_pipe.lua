-- A pipe end is moved to an actor on another thread: the sender's object
-- is closed, the receiver's reads what the other end writes.  An end with
-- a read pending is refused with EBUSY and stays usable.
local pipe = require 'pipe'
local inbox = require 'inbox'
if _CONTEXT == 'main' then
    local r, w = pipe.pair()
    local worker = spawn_vm{module = '.', inherit_context = false}

    local reader = spawn(function()
        local buf = byte_span.new(16)
        return tostring(buf:first(r:read_some(buf)))
    end)
    this_fiber.yield()
    print('pending read:', pcall(function() worker:send(r) end))
    w:write_some(byte_span.append('first'))
    print('the reader still got:', reader:join())

    worker:send{read_end = r, reply = inbox}
    print('sender side open:', r.is_open)
    w:write_some(byte_span.append('through the pipe'))
    print(inbox:receive())
else
    local m = inbox:receive()
    local buf = byte_span.new(32)
    local got = tostring(buf:first(m.read_end:read_some(buf)))
    m.reply:send(getmetatable(m.read_end) .. ' read: ' .. got)
end
