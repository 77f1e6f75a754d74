-- Work spread over threads: the main VM adds three threads to its
-- execution context, starts four actors (placed one per thread) and
-- hands each a quarter of the numbers 1..2e6 to add up.
local inbox = require 'inbox'
local N, SHARES = 2000000, 4

if _CONTEXT == 'main' then
    spawn_context_threads(SHARES - 1)
    local share = N / SHARES
    for i = 1, SHARES do
        local worker = spawn_vm('.')       -- this file, as _CONTEXT 'worker'
        worker:send{reply = inbox, from = (i - 1) * share + 1, to = i * share}
    end
    local total = 0
    for _ = 1, SHARES do
        total = total + inbox:receive()
    end
    print(string.format('sum of 1..%d = %.0f', N, total))
    print('checksum ok:', total == N * (N + 1) / 2)
else
    local job = inbox:receive()
    local sum = 0
    for k = job.from, job.to do
        sum = sum + k
    end
    job.reply:send(sum)
end
