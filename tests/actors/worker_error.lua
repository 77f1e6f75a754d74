-- An error escaping a worker's main fiber ends that VM only.
local inbox = require 'inbox'
if _CONTEXT == 'main' then
    local worker = spawn_vm('.')
    local ok, e = pcall(function() worker:send('boom') end)
    print('send after the worker failed:', ok, e)
    print('main goes on')
else
    require 'inbox'
    error('worker failed')
end
