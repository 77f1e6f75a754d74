-- Sending on a closed channel, or to an actor that has ended, fails with
-- channel_closed; receive() on a closed inbox too.
local inbox = require 'inbox'
if _CONTEXT == 'main' then
    local ch = spawn_vm('.')
    local copy = ch
    ch:close()
    ch:close()   -- twice is fine
    print(pcall(function() copy:send('x') end))
    local ended = spawn_vm('.')
    -- the worker never imports its inbox: it closes when its main fiber ends
    local ok, e = pcall(function() ended:send('hello') end)
    print(ok, e)
    inbox:close()
    print(pcall(function() inbox:receive() end))
    local ok2, e2 = pcall(function() ch.send(inbox, 1) end)
    print(ok2, e2.code == 22 or e2)
end
