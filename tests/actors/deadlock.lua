-- Two actors on one thread each wait to receive from the other: nothing
-- can ever send, so the thread's loop runs dry, both VMs close and the
-- shutdown names what they waited on.  (Across threads the process
-- would wait: another thread might still send.)
local inbox = require 'inbox'
if _CONTEXT == 'main' then
    local worker = spawn_vm('.')
    worker:send(inbox)
    print('main waits')
    inbox:receive()
    print('never printed')
else
    local main = inbox:receive()
    print('worker waits')
    inbox:receive()
    print('never printed')
end
