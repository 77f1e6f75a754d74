-- A supervisor that restarts a failing worker.  The worker holds the only
-- address of the supervisor's inbox: when the worker dies, receive()
-- fails (nobody can send any more) and the supervisor starts a new one.
local inbox = require 'inbox'

if _CONTEXT == 'main' then
    local function start_worker()
        local worker = spawn_vm('.')
        worker:send(inbox)
        return worker
    end

    local worker = start_worker()
    for _, job in ipairs{4, 9, 'oops', 16} do
        worker:send(job)
        local ok, result = pcall(inbox.receive, inbox)
        if ok then
            print(job, '->', result)
        else
            print(job, 'killed the worker (' .. tostring(result) .. ')')
            worker = start_worker()
        end
    end
    worker:send('stop')
else
    local supervisor = inbox:receive()
    while true do
        local job = inbox:receive()
        if job == 'stop' then break end
        if type(job) ~= 'number' then
            error('cannot take the square root of ' .. tostring(job))
        end
        supervisor:send(math.sqrt(job))
    end
end
