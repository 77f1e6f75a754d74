-- 10,000 messages from one sender on another thread arrive in order.
local inbox = require 'inbox'
local N = 10000
if _CONTEXT == 'main' then
    local worker = spawn_vm{module = '.', inherit_context = false}
    worker:send(inbox)
    local expected = 1
    for _ = 1, N do
        local m = inbox:receive()
        if m ~= expected then
            print('out of order', m, expected)
            break
        end
        expected = expected + 1
    end
    print('received in order:', expected - 1)
else
    local main = inbox:receive()
    for i = 1, N do
        main:send(i)
    end
end
