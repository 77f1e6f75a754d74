-- system.exit() in the master VM ends the process: the other VMs, which
-- would wait forever (each holds its own address), are told to stop.
local inbox = require 'inbox'
local system = require 'system'
if _CONTEXT == 'main' then
    local a = spawn_vm{module = '.', inherit_context = false}
    local b = spawn_vm('.')
    a:send(a)
    b:send(b)
    print('master exits')
    system.exit(4)
else
    local me = inbox:receive()
    inbox:receive()
end
