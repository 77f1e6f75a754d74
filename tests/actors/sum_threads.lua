-- Four threads each add up a share of 1..4e6; the total is checked.
local inbox = require 'inbox'
local N, SHARES = 4000000, 4
if _CONTEXT == 'main' then
    spawn_context_threads(SHARES - 1)
    for i = 1, SHARES do
        local from = (i - 1) * (N / SHARES) + 1
        spawn_vm('.'):send{reply = inbox, from = from, to = i * (N / SHARES)}
    end
    local total = 0
    for _ = 1, SHARES do
        total = total + inbox:receive()
    end
    print(string.format('%.0f', total), total == N * (N + 1) / 2)
else
    local job = inbox:receive()
    local sum = 0
    for k = job.from, job.to do
        sum = sum + k
    end
    job.reply:send(sum)
end
