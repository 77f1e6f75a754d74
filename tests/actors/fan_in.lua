-- Several senders, on several threads, into one inbox: every message
-- arrives, and each sender's messages in its order.
local inbox = require 'inbox'
local SENDERS, EACH = 6, 500
if _CONTEXT == 'main' then
    spawn_context_threads(2)
    for id = 1, SENDERS do
        local ch = spawn_vm{module = '.', inherit_context = id % 2 == 0}
        ch:send{id = id, reply = inbox}
    end
    local last, count = {}, 0
    for _ = 1, SENDERS * EACH do
        local m = inbox:receive()
        if m.seq ~= (last[m.id] or 0) + 1 then
            print('out of order', m.id, m.seq)
        end
        last[m.id] = m.seq
        count = count + 1
    end
    print('received', count)
else
    local job = inbox:receive()
    for seq = 1, EACH do
        job.reply:send{id = job.id, seq = seq}
    end
end
