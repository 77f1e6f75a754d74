-- Ping-pong between the main VM and a worker on a thread of its own.
local inbox = require 'inbox'
if _CONTEXT == 'main' then
    local worker = spawn_vm{module = '.', inherit_context = false}
    worker:send(inbox)
    for i = 1, 3 do
        worker:send(i)
        print('main got', inbox:receive())
    end
else
    local main = inbox:receive()
    for _ = 1, 3 do
        main:send(inbox:receive() * 10)
    end
end
