-- The receiver gets a copy: changing the sent table afterwards changes
-- nothing on the other side.
local inbox = require 'inbox'
if _CONTEXT == 'main' then
    local worker = spawn_vm('.')
    local t = {value = 'before', list = {1, 2}}
    worker:send(t)
    t.value = 'after'
    t.list[1] = 100
    print('sender', t.value, t.list[1])
else
    local m = inbox:receive()
    print('receiver', m.value, m.list[1])
end
