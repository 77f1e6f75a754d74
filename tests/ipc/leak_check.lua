-- The fd count of the process does not change after 1,000 rounds of
-- opening and closing every object type of the unix, pipe, serial_port
-- and file_descriptor modules, failed operations included.
local unix = require "unix"
local pipe = require "pipe"
local serial_port = require "serial_port"
local fs = require "filesystem"
local U = require "./util"

local d = U.tmpdir("leak")
local buf = byte_span.new(16)
local null = fs.path.new("/dev/null")

local function round(i)
    local r, w = pipe.pair()
    local fd = w:release()
    local w2 = pipe.write_stream.new(fd:dup())
    fd:close()
    w2:write_some(buf)
    r:read_some(buf)
    r:close()
    pcall(w2.write_some, w2, buf)           -- EPIPE
    w2:close()

    local a, b = unix.stream.socket.pair()
    local f = fs.open(null, {"read_only"})
    a:send_with_fds(buf, {f, f, f})
    local n, fds = b:receive_with_fds(buf, 1) -- two are dropped
    fds[1]:close()
    f:close()
    a:close() b:close()

    local q1, q2 = unix.seqpacket.socket.pair()
    q1:close()
    pcall(q2.receive, q2, buf)              -- EOF
    q2:close()
    local x, y = unix.datagram.socket.pair()
    x:close() y:close()

    local acc = unix.stream.listen(tostring(d / "s"))
    local c = unix.stream.dial(tostring(d / "s"))
    local s = acc:accept()
    c:close() s:close() acc:close()
    pcall(unix.stream.listen, tostring(d / "s"))   -- EADDRINUSE
    fs.remove(d / "s")
    pcall(unix.stream.dial, tostring(d / "s"))     -- ENOENT
    local sq = unix.seqpacket.acceptor.new()
    sq:open()
    pcall(sq.bind, sq, fs.path.new("/nonexistent/dir/s"))
    sq:close()
    local dg = unix.datagram.socket.new()
    dg:open()
    dg:release():close()

    local m, sl = serial_port.ptypair()
    local p = serial_port.new(sl)
    p:close() m:close()
    pcall(serial_port.new().open, serial_port.new(), "/dev/null")  -- ENOTTY
end

round(0)
collectgarbage()
collectgarbage()
local before = U.fd_count()
for i = 1, 1000 do round(i) end
collectgarbage()
collectgarbage()
local after = U.fd_count()
print("fd count unchanged", before == after, after - before)
fs.remove_all(d)
