-- spawn_vm{subprocess=...}: this file runs again in a new process with
-- _CONTEXT 'worker'; every kind of leaf travels both ways, in a leaf
-- message and in a dictionary; fds go both ways and work on arrival.
local inbox = require 'inbox'
local pipe = require 'pipe'
local stream = require 'stream'

if _CONTEXT == 'worker' then
    local m = inbox:receive()
    local reply = m.reply
    reply:send{ b = m.b, n = m.n, s = m.s, empty = m.empty }
    local w = pipe.write_stream.new()
    w:assign(m.fd)
    stream.write_all(w, 'written by the worker')
    w:close()
    local r2, w2 = pipe.pair()
    stream.write_all(w2, 'from a pipe of the worker')
    w2:close()
    reply:send(r2:release())
    reply:send(_CONTEXT)
    reply:send(false)
    reply:send(-0.25)
    return
end

local ch = spawn_vm{ module = _FILE, subprocess = {} }
print('child_pid', type(ch.child_pid), ch.child_pid > 0)
local r, w = pipe.pair()
ch:send{ reply = inbox, b = true, n = 1.5, s = 'text', empty = '',
         fd = w:release() }
local m = inbox:receive()
print(m.b, m.n, m.s, m.empty == '')
local buf = byte_span.new(100)
local n = r:read_some(buf)
print(buf:first(n))
local fd = inbox:receive()
print(getmetatable(fd))
local r2 = pipe.read_stream.new()
r2:assign(fd)
n = r2:read_some(buf)
print(buf:first(n))
print(inbox:receive())
print(inbox:receive())
print(inbox:receive())
