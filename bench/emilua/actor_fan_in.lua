-- Fan-in: 8 actors (spread over the threads of the main context) send
-- ACTOR_N messages in all to the main VM's inbox.
local inbox = require 'inbox'
local env = require('system').environment
local SENDERS, FIBERS = 8, 16
-- a multiple of SENDERS * FIBERS
local N = tonumber(env.ACTOR_N or 256000)
if _CONTEXT == 'main' then
    spawn_context_threads(tonumber(env.ACTOR_THREADS or 2) - 1)
    for _ = 1, SENDERS do
        spawn_vm('.'):send{to = inbox, n = N / SENDERS}
    end
    local count = 0
    for _ = 1, N do
        inbox:receive()
        count = count + 1
    end
    print(count)
else
    local job = inbox:receive()
    -- many sends in flight: each waits for its message to be taken
    local fibers = {}
    for f = 1, FIBERS do
        fibers[f] = spawn(function()
            for i = 1, job.n / FIBERS do job.to:send(i) end
        end)
    end
    for _, f in ipairs(fibers) do f:join() end
end
