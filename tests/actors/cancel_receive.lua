-- A fiber blocked in receive() is canceled; the message sent afterwards
-- stays queued and another fiber receives it.
local inbox = require 'inbox'
if _CONTEXT == 'main' then
    local worker = spawn_vm('.')
    worker:send(inbox)
    local f = spawn(function() inbox:receive() end)
    this_fiber.yield()          -- f now waits in receive()
    f:cancel()
    f:join()
    print('canceled:', f.cancellation_caught)
    worker:send('go')           -- the worker answers now
    print('received:', inbox:receive())
else
    local main = inbox:receive()
    inbox:receive()
    main:send('the message')
end
