-- A stream echo over a socket path in the test's directory: listen with
-- permission bits, dial, accept, the paths of both ends, EADDRINUSE for
-- an existing socket file, and an abstract ("@") name.
local unix = require "unix"
local fs = require "filesystem"
local stream = require "stream"
local U = require "./util"

local d = U.tmpdir("echo")
local ep = tostring(d / "echo.sock")
local acc = unix.stream.listen(ep, fs.mode(6, 0, 0))
print(getmetatable(acc), acc.is_open, acc.local_path == d / "echo.sock")
print("mode", fs.status(d / "echo.sock").mode == fs.mode(6, 0, 0),
      fs.status(d / "echo.sock").type)

local server = spawn(function()
    local s = acc:accept()
    print("accepted", getmetatable(s), tostring(s.remote_path) == "")
    local buf = byte_span.new(64)
    while true do
        local ok, n = pcall(s.read_some, s, buf)
        if not ok then print("server sees", n) break end
        stream.write_all(s, buf:first(n))
    end
    s:close()
end)

local c = unix.stream.dial(ep)
print("dialed", getmetatable(c), c.remote_path == d / "echo.sock")
stream.write_all(c, "ping over a path")
local buf = byte_span.new(64)
local n = stream.read_all(c, buf:first(16))
print("echo", buf:first(16))
c:shutdown("send")
server:join()
print("client sees", U.try(c.read_some, c, buf))
c:close()

print("in use", U.try(unix.stream.listen, ep))
acc:close()

local name = "@emilua-ipc-test-" .. require("system").getpid()
local a2 = unix.stream.listen(name)
print("abstract", tostring(a2.local_path):sub(1, 1) == "\0",
      #tostring(a2.local_path) == #name)
spawn(function() a2:accept():write_some(U.str("abstract!")) end)
local c2 = unix.stream.dial(name)
n = c2:read_some(buf)
print(buf:first(n))
print("no such socket", U.try(unix.stream.dial, tostring(d / "none")))
fs.remove_all(d)
