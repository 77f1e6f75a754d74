-- TCP echo in one process: a server fiber per connection and CLIENTS client
-- fibers, each doing ROUNDS round trips of a 64-byte message with
-- TCP_NODELAY on both ends.  Client c sends in round r a message whose first
-- byte is (c + r) % 256 and whose byte j (j >= 2) is j - 1; every reply must
-- equal the message.  Prints the sum of the replies' first bytes, as
-- bench/floor/tcp_echo.c does.
--   emilua tcp_echo.lua [CLIENTS [ROUNDS]]     (defaults: 50, 4000)
local ip = require 'ip'
local stream = require 'stream'
local system = require 'system'

local CLIENTS = tonumber(system.arguments[3]) or 50
local ROUNDS = tonumber(system.arguments[4]) or 4000
local MSG = 64

local acceptor = ip.tcp.listen('127.0.0.1:0')
local port = acceptor.local_port

local function serve(sock)
    sock:set_option('tcp_no_delay', true)
    local buf = byte_span.new(16384)
    while true do
        -- read_some raises EOF once the client has closed its end.
        local ok, n = pcall(sock.read_some, sock, buf)
        if not ok then break end
        stream.write_all(sock, buf:first(n))
    end
    sock:close()
end

local servers = {}
local accepting = spawn(function()
    for i = 1, CLIENTS do
        local sock = acceptor:accept()
        servers[i] = spawn(function() serve(sock) end)
    end
    acceptor:close()
end)

local sum = 0
local function client(id)
    local sock = ip.tcp.socket.new()
    sock:open('v4')
    sock:connect(ip.address.loopback_v4(), port)
    sock:set_option('tcp_no_delay', true)
    local msg, reply = byte_span.new(MSG), byte_span.new(MSG)
    for j = 2, MSG do msg[j] = j - 1 end
    for r = 1, ROUNDS do
        msg[1] = (id + r) % 256
        stream.write_all(sock, msg)
        stream.read_all(sock, reply)
        if not reply:starts_with(msg) then
            error(('client %d round %d: wrong bytes'):format(id, r))
        end
        sum = sum + reply[1]
    end
    sock:close()
end

local clients = {}
for c = 1, CLIENTS do clients[c] = spawn(function() client(c) end) end
for c = 1, CLIENTS do clients[c]:join() end
accepting:join()
for i = 1, CLIENTS do servers[i]:join() end
print(sum)
