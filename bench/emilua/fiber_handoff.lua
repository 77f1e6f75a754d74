-- The one-thread floor of actor_rr: the same request/reply between two
-- fibers of one VM, through a mutex and two condition variables.
local mutex = require 'mutex'
local condition_variable = require 'condition_variable'
local N = tonumber(require('system').environment.ACTOR_N or 200000)
local m = mutex.new()
local to_server, to_client = condition_variable.new(), condition_variable.new()
local request, reply = nil, nil
local server = spawn(function()
    for _ = 1, N do
        m:lock()
        while request == nil do to_server:wait(m) end
        reply, request = request + 1, nil
        to_client:notify_one()
        m:unlock()
    end
end)
local x = 0
for _ = 1, N do
    m:lock()
    request = x
    to_server:notify_one()
    while reply == nil do to_client:wait(m) end
    x, reply = reply, nil
    m:unlock()
end
server:join()
print(x)
