-- A send waits until the message is taken; canceled before that, the
-- message is withdrawn and never received.
local inbox = require 'inbox'
if _CONTEXT == 'main' then
    local worker = spawn_vm('.')
    worker:send(inbox)      -- taken: the worker now waits to send to us
    local f = spawn(function() worker:send('withdrawn') end)
    this_fiber.yield()      -- f's message is queued in the worker's inbox
    f:cancel()
    f:join()
    print('canceled:', f.cancellation_caught)
    print('main got:', inbox:receive())   -- lets the worker go on
    worker:send('after')
    print('main got:', inbox:receive())
else
    local main = inbox:receive()
    main:send('worker is busy')
    main:send('worker got ' .. inbox:receive())
end
