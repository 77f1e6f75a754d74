-- Placement spreads load: 4 actors each add up the low bytes of 1..ACTOR_N,
-- spread over ACTOR_THREADS threads of the main context (with one thread
-- they take turns).
local inbox = require 'inbox'
local env = require('system').environment
local N = tonumber(env.ACTOR_N or 400000000)
local ACTORS = 4
if _CONTEXT == 'main' then
    spawn_context_threads(tonumber(env.ACTOR_THREADS or 1) - 1)
    for _ = 1, ACTORS do
        spawn_vm('.'):send(inbox)
    end
    local first = inbox:receive()
    local same = true
    for _ = 2, ACTORS do
        same = same and inbox:receive() == first
    end
    print(same)
else
    local reply = inbox:receive()
    local sum = 0
    for k = 1, N do
        sum = sum + bit.band(k, 255)
    end
    reply:send(sum)
end
