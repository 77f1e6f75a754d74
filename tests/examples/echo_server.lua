-- An echo server and three clients in one program, on 127.0.0.1.
local ip = require 'ip'
local stream = require 'stream'

-- Port 0: the system picks a free port; local_port tells which.
local acceptor = ip.tcp.listen('127.0.0.1:0')
local port = acceptor.local_port

-- The server: one fiber per connection, echoing until the client
-- half-closes (read_some then raises asio_error.misc.eof).
local server = spawn(function()
    while true do
        local ok, sock = pcall(acceptor.accept, acceptor)
        if not ok then return end               -- the acceptor was closed
        spawn(function()
            local buf = byte_span.new(1024)
            while true do
                local ok, n = pcall(sock.read_some, sock, buf)
                if not ok then break end
                stream.write_all(sock, buf:first(n))
            end
            sock:close()
        end):detach()
    end
end)

local clients = {}
for i = 1, 3 do
    clients[i] = spawn(function()
        local sock = ip.tcp.dial('127.0.0.1:' .. port)
        local msg = 'hello from client ' .. i
        stream.write_all(sock, msg)
        sock:shutdown('send')                   -- "that was all"
        local buf = byte_span.new(#msg)
        stream.read_all(sock, buf)
        sock:close()
        return tostring(buf)
    end)
end
for i = 1, 3 do print(clients[i]:join()) end

acceptor:close()                                -- ends the server loop
server:join()
print('server stopped')
