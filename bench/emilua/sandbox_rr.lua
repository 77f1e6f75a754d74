-- IPC round trips over one channel to a subprocess actor: the main VM
-- sends a number, the worker answers with it plus one (SANDBOX_N times).
local inbox = require 'inbox'
local env = require('system').environment
local N = tonumber(env.SANDBOX_N or 100000)
if _CONTEXT == 'worker' then
    local main = inbox:receive()
    while true do
        local x = inbox:receive()
        if not x then break end
        main:send(x + 1)
    end
    return
end
local worker = spawn_vm{ module = _FILE, subprocess = {} }
worker:send(inbox)
local x = 0
for _ = 1, N do
    worker:send(x)
    x = inbox:receive()
end
worker:send(false)
print(x)
