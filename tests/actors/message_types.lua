-- What a message may hold: it arrives as a copy of the same shape.
local inbox = require 'inbox'
if _CONTEXT == 'main' then
    local worker = spawn_vm('.')
    worker:send(inbox)
    local span = byte_span.append('bytes')
    worker:send{
        t = true, f = false, n = 1.5, i = -7, s = 'text', [10] = 'ten',
        nested = {a = {b = {'deep'}}}, span = span, back = inbox,
    }
    local m = inbox:receive()
    print('echo', m)
else
    local main = inbox:receive()
    local m = inbox:receive()
    print(m.t, m.f, m.n, m.i, m.s, m[10], m.nested.a.b[1])
    print(getmetatable(m.span), tostring(m.span), #m.span)
    print(getmetatable(m.back), m.back == main)
    main:send('ok')
end
