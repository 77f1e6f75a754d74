-- Stress (not timed): THREADS threads, ACTORS actors in a ring, TOKENS
-- tokens going around until MESSAGES messages were passed in total.  Each
-- token carries a checksum of the actors it visited.  Run under ASan and
-- TSan: it must end cleanly with the expected totals.
local inbox = require 'inbox'
local env = require('system').environment
local THREADS = tonumber(env.RING_THREADS or 8)
local ACTORS = tonumber(env.RING_ACTORS or 64)
local MESSAGES = tonumber(env.RING_MESSAGES or 1000000)
local TOKENS = ACTORS
local HOPS = MESSAGES / TOKENS     -- hops per token

if _CONTEXT == 'main' then
    spawn_context_threads(THREADS - 1)
    local ring = {}
    for i = 1, ACTORS do
        ring[i] = spawn_vm('.')
    end
    for i = 1, ACTORS do
        ring[i]:send{id = i, next = ring[i % ACTORS + 1], done = inbox}
    end
    for t = 1, TOKENS do
        ring[t]:send{hops = 0, sum = 0}
    end
    local hops, sum = 0, 0
    for _ = 1, TOKENS do
        local token = inbox:receive()
        hops = hops + token.hops
        sum = sum + token.sum
    end
    ring[1]:send('stop')
    -- every token visits each actor HOPS / ACTORS times
    local expected = TOKENS * (HOPS / ACTORS) * ACTORS * (ACTORS + 1) / 2
    assert(hops == MESSAGES, 'messages lost')
    assert(sum == expected, 'bad checksum')
    print('ring: ' .. MESSAGES .. ' messages, checksum ok')
else
    local setup = inbox:receive()
    local next, done, id = setup.next, setup.done, setup.id
    -- a send waits for the receiver: forward from fibers of their own so
    -- this loop keeps receiving (a ring of blocked senders would deadlock)
    local function forward(ch, m)
        spawn(function() pcall(ch.send, ch, m) end):detach()
    end
    while true do
        local token = inbox:receive()
        if token == 'stop' then
            forward(next, 'stop')
            break
        end
        token.hops = token.hops + 1
        token.sum = token.sum + id
        forward(token.hops == HOPS and done or next, token)
    end
end
