-- The echo server of the soak run (bench/soak/run.sh): a fiber per
-- connection echoes whatever it reads until the peer goes away (EOF or a
-- reset, both expected: the load generator resets some connections on
-- purpose).  Prints "port N" once it listens and serves until killed.
--   emilua echo_server.lua [PORT]     (default 0: the kernel picks one)
local ip = require 'ip'
local stream = require 'stream'
local system = require 'system'

local function serve(sock)
    local buf = byte_span.new(4096)
    while true do
        local n = sock:read_some(buf)
        stream.write_all(sock, buf:first(n))
    end
end

local acceptor = ip.tcp.listen('127.0.0.1:' .. (system.arguments[3] or '0'))
print('port ' .. acceptor.local_port)
while true do
    local sock = acceptor:accept()
    spawn(function()
        -- Any error ends this connection only; the client tells a planned
        -- reset from an unexpected disconnect.
        pcall(serve, sock)
        sock:close()
    end)
end
