-- Spawn-to-first-reply of subprocess actors, one after the other:
-- SANDBOX_N workers, each answering one message; SANDBOX_NS=all puts each
-- in new user, net, mount, pid, uts and ipc namespaces.
local inbox = require 'inbox'
local env = require('system').environment
local N = tonumber(env.SANDBOX_N or 200)
if _CONTEXT == 'worker' then
    inbox:receive():send(true)
    return
end
local sub = {}
if env.SANDBOX_NS == 'all' then
    sub = { newns_user = true, newns_net = true, newns_mount = true,
            newns_pid = true, newns_uts = true, newns_ipc = true }
end
local got = 0
for _ = 1, N do
    local ch = spawn_vm{ module = _FILE, subprocess = sub }
    ch:send(inbox)
    if inbox:receive() then got = got + 1 end
end
print(got)
