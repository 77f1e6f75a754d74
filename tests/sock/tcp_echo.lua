-- A connection on 127.0.0.1: bytes written by one side are read by the
-- other, in order, from byte_spans and strings; the endpoints match.
local ip = require 'ip'
local a = ip.tcp.acceptor.new()
print(a.is_open)
a:open('v4')
print(a.is_open)
a:bind(ip.address.loopback_v4(), 0)
a:listen()
print(a.local_address, a.local_port > 0)

local client = spawn(function()
    local s = ip.tcp.socket.new()
    s:connect(ip.address.loopback_v4(), a.local_port)
    print('client remote', s.remote_address, s.remote_port == a.local_port)
    print('wrote', s:write_some(byte_span.append('hello, ')))
    print('wrote', s:write_some('world'))
    local buf = byte_span.new(64)
    local got = ''
    while #got < 12 do
        local n = s:read_some(buf)
        got = got .. tostring(buf:first(n))
    end
    print('client read', got)
    s:close()
end)

local s = a:accept()
print('server local', s.local_address, s.local_port == a.local_port)
print('peer port differs', s.remote_port ~= a.local_port)
local buf = byte_span.new(64)
local got = ''
while #got < 12 do
    local n = s:read_some(buf)
    got = got .. tostring(buf:first(n))
end
print('server read', got)
print('wrote', s:write_some(byte_span.append(got:upper())))
client:join()
print(s:read_some(byte_span.new(0)))    -- an empty buffer reads nothing
print(pcall(s.read_some, s, buf))
s:close()
a:close()
print(a.is_open, s.is_open)
