-- 500 connections at once in one process: each client sends 4,000
-- bytes of its own pattern and reads the echo back; the server echoes
-- with a fiber per connection.  The checksum of everything read back
-- matches that of everything sent.
local ip = require 'ip'
local N, SIZE = 500, 4000
local a = ip.tcp.listen('127.0.0.1:0')
local lo, port = ip.address.loopback_v4(), a.local_port

local function checksum(sum, buf, n)
    for i = 1, n do sum = (sum * 31 + buf[i]) % 2147483647 end
    return sum
end

local server = spawn(function()
    local handlers = {}
    for i = 1, N do
        local s = a:accept()
        handlers[i] = spawn(function()
            local buf = byte_span.new(1024)
            while true do
                local ok, n = pcall(s.read_some, s, buf)
                if not ok then break end
                local w = 0
                while w < n do w = w + s:write_some(buf:sub(w + 1, n)) end
            end
            s:close()
        end)
    end
    for i = 1, N do handlers[i]:join() end
end)

local sent_sum, got_sum = {}, {}
local clients = {}
for c = 1, N do
    clients[c] = spawn(function()
        local s = ip.tcp.socket.new()
        s:connect(lo, port)
        local out = byte_span.new(SIZE)
        for i = 1, SIZE do out[i] = (c * 7 + i) % 256 end
        sent_sum[c] = checksum(0, out, SIZE)
        local writer = spawn(function()
            local w = 0
            while w < SIZE do w = w + s:write_some(out:sub(w + 1, SIZE)) end
            s:shutdown('send')
        end)
        local buf, got, sum = byte_span.new(1500), 0, 0
        while got < SIZE do
            local n = s:read_some(buf)
            sum = checksum(sum, buf, n)
            got = got + n
        end
        writer:join()
        got_sum[c] = sum
        s:close()
    end)
end
for c = 1, N do clients[c]:join() end
server:join()
a:close()
local bad = 0
for c = 1, N do
    if sent_sum[c] ~= got_sum[c] then bad = bad + 1 end
end
print('connections', N, 'mismatches', bad)
