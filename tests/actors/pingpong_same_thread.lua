-- Ping-pong between the main VM and a worker on the same thread.
local inbox = require 'inbox'
if _CONTEXT == 'main' then
    local worker = spawn_vm('.')
    worker:send(inbox)
    for i = 1, 3 do
        worker:send{ping = i}
        print('main got pong', inbox:receive().pong)
    end
    worker:close()
else
    assert(_CONTEXT == 'worker')
    local main = inbox:receive()
    for _ = 1, 3 do
        local m = inbox:receive()
        print('worker got ping', m.ping)
        main:send{pong = m.ping}
    end
end
