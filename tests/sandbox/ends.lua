-- How a worker ends, seen from its parent: kill() with a signal, an error
-- in the worker, the worker returning; each time the reply sockets close
-- and the parent's receive() sees no sender left.  kill() on an address
-- that is no child raises ESRCH; bad signals EINVAL.
local inbox = require 'inbox'

if _CONTEXT == 'worker' then
    local m = inbox:receive()
    m.reply:send('ready')
    if m.how == 'error' then
        error('the worker fails')
    elseif m.how == 'wait' then
        inbox:receive()
    end
    return
end

local function spawn_and(how)
    local ch = spawn_vm{ module = _FILE, subprocess = {} }
    ch:send{ reply = inbox, how = how }
    print(how, inbox:receive())
    return ch
end

local ch = spawn_and('wait')
print('bad signal', pcall(ch.kill, ch, 0))
ch:kill(15)
print('after kill', pcall(inbox.receive, inbox))
spawn_and('error')
print('after error', pcall(inbox.receive, inbox))
spawn_and('return')
print('after return', pcall(inbox.receive, inbox))

-- an address received in a message reaches no child of ours
local ch2 = spawn_vm{ module = _FILE, subprocess = {} }
ch2:send{ reply = inbox, how = 'wait' }
print(inbox:receive())
print('detach', pcall(ch2.detach, ch2))
ch2:kill()
print('killed detached', pcall(inbox.receive, inbox))
