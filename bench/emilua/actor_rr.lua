-- Request/reply round trips between two actors: the main VM sends a
-- number, the worker answers with it plus one.  ACTOR_THREADS=2 puts the
-- worker on a thread of its own.
local inbox = require 'inbox'
local env = require('system').environment
local N = tonumber(env.ACTOR_N or 200000)
if _CONTEXT == 'main' then
    local worker = spawn_vm{module = '.',
                            inherit_context = env.ACTOR_THREADS ~= '2'}
    worker:send(inbox)
    local x = 0
    for _ = 1, N do
        worker:send(x)
        x = inbox:receive()
    end
    worker:send(false)
    print(x)
else
    local main = inbox:receive()
    while true do
        local x = inbox:receive()
        if not x then break end
        main:send(x + 1)
    end
end
