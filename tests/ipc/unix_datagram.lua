-- datagram sockets: a pair, bound sockets with send_to/receive_from,
-- connect/disconnect, empty datagrams (0 is a datagram, not EOF).
local unix = require "unix"
local fs = require "filesystem"
local U = require "./util"

local a, b = unix.datagram.socket.pair()
print(getmetatable(a))
local buf = byte_span.new(64)
a:send(U.str("dgram"))
local n = b:receive(buf)
print("pair", buf:first(n))
a:send(byte_span.new(0))
print("empty", b:receive(buf))

local d = U.tmpdir("dgram")
local x = unix.datagram.socket.new()
print("new", x.is_open)
x:open()
x:bind(d / "x")
local y = unix.datagram.socket.new()
y:open()
y:bind(d / "y")
print("local_path", x.local_path == d / "x")
y:send_to(U.str("to x"), d / "x")
local n, from = x:receive_from(buf)
print("receive_from", buf:first(n), from == d / "y")
x:connect(d / "y")
print("remote_path", x.remote_path == d / "y")
x:send(U.str("connected"))
n = y:receive(buf)
print(buf:first(n))
x:disconnect()
print("disconnected", U.try(x.send, x, U.str("nowhere")))
print("unbound sender", U.try(function()
    local z = unix.datagram.socket.new()
    z:open()
    z:send_to(U.str("anon"), d / "y")
    local n, from = y:receive_from(buf)
    return buf:first(n), tostring(from) == ""
end))
-- connect() on a never-opened socket opens it
local w = unix.datagram.socket.new()
w:connect(d / "x")
print("connect opens", w.is_open)
x:set_option("receive_buffer_size", 65536)
print("options", x:get_option("receive_buffer_size") >= 65536,
      x:get_option("debug"), type(x:get_option("send_buffer_size")))
x:shutdown("both")

-- dial: a new socket whose default peer is the endpoint
local dialed = unix.datagram.dial(tostring(d / "y"))
dialed:send(U.str("dialed"))
n = y:receive(buf)
print(getmetatable(dialed), buf:first(n))
fs.remove_all(d)
