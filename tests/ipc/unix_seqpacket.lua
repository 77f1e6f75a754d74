-- seqpacket keeps message boundaries; "peek" leaves the message queued;
-- a 0-byte message reads as EOF (the reference's rule), as does the
-- peer's close.  Also over a path: listen/accept/dial.
local unix = require "unix"
local U = require "./util"

local a, b = unix.seqpacket.socket.pair()
print(getmetatable(a), a.is_open)
a:send(U.str("first"))
a:send(U.str("second message"))
local buf = byte_span.new(64)
local n = b:receive(buf, {"peek"})
print("peek", buf:first(n))
n = b:receive(buf)
print("one", n, buf:first(n))
n = b:receive(buf)
print("two", n, buf:first(n))
-- a short buffer truncates the message; the rest is gone
a:send(U.str("abcdef"))
a:send(U.str("next"))
n = b:receive(buf:first(3))
print("short", n, buf:first(n))
n = b:receive(buf)
print("after short", buf:first(n))
print("bytes_readable", b:io_control("bytes_readable"))
a:send(byte_span.new(0))
print("empty message", U.try(b.receive, b, buf))
a:send(U.str("still open"))
n = b:receive(buf)
print(buf:first(n))
a:close()
print("peer closed", U.try(b.receive, b, buf))
print("flags", U.try(b.receive, b, buf, {"out_of_band"}), U.try(b.send, b, buf, "peek"))

local d = U.tmpdir("seqpacket")
local acc = unix.seqpacket.listen(tostring(d / "s"), 0x1ff)   -- 0777
print(getmetatable(acc), require("filesystem").status(d / "s").mode ==
      require("filesystem").mode(7, 7, 7))
spawn(function()
    local s = acc:accept()
    print("accepted", getmetatable(s))
    s:send(U.str("hello"))
    s:send(U.str("world"))
end)
local c = unix.seqpacket.dial(tostring(d / "s"))
print(getmetatable(c), c:receive(buf), c:receive(buf))
require("filesystem").remove_all(d)
