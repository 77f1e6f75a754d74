-- The low-level path: acceptor new/open/bind/listen/accept, connect on a
-- never-opened socket, options, peer credentials, readiness wait,
-- release/assign, and the errors of a closed or already open object.
local unix = require "unix"
local system = require "system"
local fs = require "filesystem"
local U = require "./util"

local d = U.tmpdir("methods")
local acc = unix.stream.acceptor.new()
print("new", acc.is_open, U.try(acc.listen, acc))
acc:open()
print("open twice", U.try(acc.open, acc))
acc:set_option("enable_connection_aborted", true)
print("options", acc:get_option("enable_connection_aborted"),
      acc:get_option("debug"))
acc:bind(d / "srv")
acc:listen(8)

local sock = unix.stream.socket.new()
local accepted
local f = spawn(function() accepted = acc:accept() end)
sock:connect(d / "srv")      -- opens the socket first
f:join()
print("connected", sock.is_open, accepted.local_path == d / "srv")

local cred = accepted:get_option("remote_credentials")
local ruid, euid = system.getresuid()
local rgid, egid = system.getresgid()
print("credentials", cred.uid == euid, cred.pid == system.getpid(),
      #cred.groups, cred.groups[1] == egid)
-- a string under SELinux, else the kernel's error (ENOPROTOOPT)
local ok, label = pcall(sock.get_option, sock, "remote_security_label")
print("security label", not ok or type(label) == "string")
sock:set_option("send_buffer_size", 8192)
sock:set_option("receive_low_watermark", 1)
print("stream options", sock:get_option("send_buffer_size") > 0,
      sock:get_option("receive_low_watermark"),
      type(sock:get_option("send_low_watermark")))

-- wait("read") ends once there is something to read
f = spawn(function() print("waited", U.try(acc.wait, acc, "read")) end)
local other = unix.stream.socket.new()
other:connect(d / "srv")
f:join()
print("accept after wait", getmetatable(acc:accept()))

-- release/assign move a connected socket
local fd = sock:release()
print("released", sock.is_open, fd:is_socket("unix", "stream"))
local again = unix.stream.socket.new(fd)
again:write_some(U.str("after assign"))
local buf = byte_span.new(32)
local n = accepted:read_some(buf)
print(buf:first(n))
again:shutdown("send")
print("half closed", U.try(accepted.read_some, accepted, buf))
again:close()

local q = unix.seqpacket.acceptor.new()
q:open()
q:bind(d / "q")
q:listen()
local qs = unix.seqpacket.socket.new()
spawn(function() q:accept():send(U.str("seq")) end)
qs:connect(d / "q")
n = qs:receive(buf)
print("seqpacket", buf:first(n), qs:get_option("remote_credentials").uid == euid, qs.remote_path == d / "q")

-- errors of closed objects
acc:close()
print("closed", U.try(acc.accept, acc), U.try(acc.listen, acc),
      U.try(function() return acc.local_path end))
print("cancel closed", U.try(acc.cancel, acc), U.try(acc.release, acc))
fs.remove_all(d)
