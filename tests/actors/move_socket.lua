-- An ip.tcp.socket is moved to an actor on another thread: the sender's
-- socket is closed, the receiver's serves the connection.  A socket with
-- an operation pending is refused with EBUSY and stays usable.
local ip = require 'ip'
local inbox = require 'inbox'
if _CONTEXT == 'main' then
    local a = ip.tcp.acceptor.new()
    a:open('v4')
    a:bind(ip.address.loopback_v4(), 0)
    a:listen()
    local client = ip.tcp.socket.new()
    local connecting = spawn(function()
        client:connect(ip.address.loopback_v4(), a.local_port)
    end)
    local server_side = a:accept()
    connecting:join()

    -- a read is pending: the socket cannot leave
    local worker = spawn_vm{module = '.', inherit_context = false}
    local reader = spawn(function()
        local buf = byte_span.new(16)
        return tostring(buf:first(server_side:read_some(buf)))
    end)
    this_fiber.yield()
    local ok, e = pcall(function() worker:send(server_side) end)
    print('pending read:', ok, e)
    client:write_some('first')
    print('the reader still got:', reader:join())

    worker:send{sock = server_side, reply = inbox}
    print('sender side open:', server_side.is_open)
    client:write_some('ping')
    local buf = byte_span.new(16)
    print('client read:', tostring(buf:first(client:read_some(buf))))
    print(inbox:receive())
else
    local m = inbox:receive()
    local buf = byte_span.new(16)
    local got = tostring(buf:first(m.sock:read_some(buf)))
    m.sock:write_some(got:upper())
    m.reply:send('worker served ' .. got .. ' on a ' .. getmetatable(m.sock) ..
                 ' of family ' .. tostring(m.sock.local_address))
end
