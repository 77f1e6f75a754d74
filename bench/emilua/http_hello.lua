-- HTTP/1.1 keep-alive "hello" server for wrk, as bench/floor/http_hello.c:
-- every request head (up to a blank line) gets the same response; requests
-- pipelined into one read are answered with one write.  Prints "port N"
-- once it listens and serves until killed.
--   emilua http_hello.lua [PORT]     (default 0: the kernel picks one)
local ip = require 'ip'
local stream = require 'stream'
local system = require 'system'

local RESPONSE = 'HTTP/1.1 200 OK\r\nContent-Length: 5\r\n' ..
    'Content-Type: text/plain\r\n\r\nhello'

local function serve(sock)
    sock:set_option('tcp_no_delay', true)
    local buf = byte_span.new(8192)
    local have = 0
    while true do
        have = have + sock:read_some(buf:sub(have + 1))
        local data, count, from = buf:first(have), 0, 1
        while true do
            local i = data:find('\r\n\r\n', from)
            if not i then break end
            count = count + 1
            from = i + 4
        end
        if count == 0 then
            if have == #buf then break end  -- a head too large for us
        else
            have = have - (from - 1)
            if have > 0 then buf:copy(data:sub(from)) end
            stream.write_all(sock, count == 1 and RESPONSE or
                                   RESPONSE:rep(count))
        end
    end
end

local acceptor = ip.tcp.listen('127.0.0.1:' .. (system.arguments[3] or '0'))
print('port ' .. acceptor.local_port)
while true do
    local sock = acceptor:accept()
    spawn(function()
        pcall(serve, sock)  -- EOF or a reset ends the connection
        sock:close()
    end)
end
