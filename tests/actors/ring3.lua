-- Three actors in a ring built from addresses sent in messages; a token
-- goes around twice.
local inbox = require 'inbox'
if _CONTEXT == 'main' then
    local a = spawn_vm('.')
    local b = spawn_vm('.')
    a:send{name = 'a', next = b}
    b:send{name = 'b', next = inbox}
    local next = a
    for lap = 1, 2 do
        next:send{lap = lap, path = 'main'}
        local token = inbox:receive()
        print(token.lap, token.path .. '>main')
    end
    a:send('stop')
    print(inbox:receive())
else
    local setup = inbox:receive()
    while true do
        local token = inbox:receive()
        if token == 'stop' then
            setup.next:send('stop')
            break
        end
        token.path = token.path .. '>' .. setup.name
        setup.next:send(token)
    end
end
