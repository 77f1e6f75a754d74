-- fd passing (SCM_RIGHTS): a pipe end sent through a socket and written
-- on the other side; 10 fds in one message; maxfds smaller than what was
-- sent closes the extras (the process's fd count shows it); received fds
-- are close-on-exec; the sender's fds stay open.
local unix = require "unix"
local pipe = require "pipe"
local fs = require "filesystem"
local U = require "./util"

local function cloexec(fd)
    -- /proc/self/fdinfo/N: "flags:" in octal, O_CLOEXEC is 02000000.
    -- (A procfs file reads at once, so a read end can read it.)
    local f = pipe.read_stream.new(fs.open(
        fs.path.new("/proc/self/fdinfo/" .. tostring(fd):match("%d+")),
        {"read_only"}))
    local b = byte_span.new(256)
    local text = tostring(b:first(f:read_some(b)))
    f:close()
    local flags = text:match("flags:%s*(%d+)")
    return math.floor(tonumber(flags, 8) / 524288) % 2 == 1
end

local a, b = unix.stream.socket.pair()
local buf = byte_span.new(64)

-- a pipe's write end travels, is written on the other side
local r, w = pipe.pair()
local wfd = w:release()
print("sent", a:send_with_fds(U.str("take this"), {wfd}))
print("sender's fd still open", wfd.type)
wfd:close()
local n, fds = b:receive_with_fds(buf, 1)
print("received", buf:first(n), #fds, fds[1].type, cloexec(fds[1]))
local w2 = pipe.write_stream.new(fds[1])
w2:write_some(U.str("written far away"))
n = r:read_some(buf)
print(buf:first(n))
w2:close()

-- 10 fds in one message
local ten = {}
for i = 1, 10 do ten[i] = fs.open(fs.path.new("/dev/null"), {"read_only"}) end
local q1, q2 = unix.seqpacket.socket.pair()
q1:send_with_fds(U.str("ten"), ten)
n, fds = q2:receive_with_fds(buf, 10)
local all = true
for i = 1, 10 do all = all and fds[i].type == "character" and cloexec(fds[i]) end
print("ten", n, #fds, all, ten[1].type)
for i = 1, 10 do fds[i]:close() end

-- fewer taken than sent: the rest are closed, not leaked
collectgarbage()
local before = U.fd_count()
q1:send_with_fds(U.str("ten again"), ten)
n, fds = q2:receive_with_fds(buf, 3)
print("maxfds 3", n, #fds)
for i = 1, 3 do fds[i]:close() end
print("fd count unchanged", U.fd_count() == before)
q1:send_with_fds(U.str("none taken"), ten)
n, fds = q2:receive_with_fds(buf, 0)
print("maxfds 0", n, #fds, U.fd_count() == before)
q1:send_with_fds(U.str("odd"), {ten[1], ten[2]})
n, fds = q2:receive_with_fds(buf, 1)
print("maxfds 1 of 2", #fds, U.fd_count() == before + 1)
fds[1]:close()

-- messages without fds
a:send_with_fds(U.str("plain"), {})
n, fds = b:receive_with_fds(buf, 4)
print("no fds", buf:first(n), #fds)
a:write_some(U.str("x"))
n, fds = b:receive_with_fds(buf, 4)
print("write_some then receive_with_fds", buf:first(n), #fds)

-- the end of the stream is an error here too
local e1, e2 = unix.stream.socket.pair()
e1:close()
print("eof", U.try(e2.receive_with_fds, e2, buf, 1))

-- datagrams with fds, and to a path
local d = U.tmpdir("fds")
local x, y = unix.datagram.socket.new(), unix.datagram.socket.new()
x:open() x:bind(d / "x") y:open() y:bind(d / "y")
y:send_to_with_fds(U.str("dg"), d / "x", {ten[1]})
local n, from, fds = x:receive_from_with_fds(buf, 2)
print("datagram", buf:first(n), from == d / "y", #fds, fds[1].type)
fds[1]:close()
x:connect(d / "y")
x:send_with_fds(U.str("back"), {ten[2], ten[3]})
n, fds = y:receive_with_fds(buf, 2)
print("connected datagram", buf:first(n), #fds)
for _, f in ipairs(fds) do f:close() end

-- bad arguments
print(U.try(a.send_with_fds, a, U.str("x"), {1}))
print(U.try(a.send_with_fds, a, U.str("x"), "fds"))
print(U.try(b.receive_with_fds, b, buf, -1))
print(U.try(b.receive_with_fds, b, buf, "many"))
local closed = ten[4]
closed:close()
print(U.try(a.send_with_fds, a, U.str("x"), {closed}))
print(U.try(y.send_to_with_fds, y, U.str("x"), "path", {}))
for i = 1, 10 do ten[i]:close() end
fs.remove_all(d)
