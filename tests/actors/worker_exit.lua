-- system.exit() in a worker ends that VM only; the process exit status is
-- the master's.
local system = require 'system'
if _CONTEXT == 'main' then
    local inbox = require 'inbox'
    local worker = spawn_vm{module = '.', inherit_context = false}
    worker:send(inbox)
    print(pcall(function() inbox:receive() end))
    print('main still runs')
else
    local inbox = require 'inbox'
    local main = inbox:receive()
    system.exit(3)
    main:send('never sent')
end
