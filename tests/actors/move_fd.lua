-- A file_descriptor is moved: the sender's object is closed, the
-- receiver owns the fd.
local system = require 'system'
local inbox = require 'inbox'
if _CONTEXT == 'main' then
    local worker = spawn_vm{module = '.', inherit_context = false}
    local fd = system.out:dup()
    worker:send{fd = fd, reply = inbox}
    local ok, e = pcall(function() fd:dup() end)
    print('sender side:', ok, e)
    print(inbox:receive())
else
    local m = inbox:receive()
    local again = m.fd:dup()
    m.fd:close()
    again:close()
    m.reply:send('receiver got a ' .. getmetatable(m.fd) .. ' and closed it')
end
