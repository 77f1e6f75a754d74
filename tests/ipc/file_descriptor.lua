-- file_descriptor: close (idempotent), dup, is_socket, kcmp, openat, the
-- type and non_blocking properties, __tostring; closed at GC.
local fs = require "filesystem"
local pipe = require "pipe"
local unix = require "unix"
local U = require "./util"

local d = U.tmpdir("fd")
local dir = fs.open(d, {"read_only", "directory"})
print(getmetatable(dir), dir.type, tostring(dir):match("^/dev/fd/%d+$") ~= nil)

local f = dir:openat(fs.path.new("file"), {"write_only", "create"}, 420)
print("openat", f.type, fs.status(d / "file").type)
print("kcmp self", f:kcmp(f), "dup", f:kcmp(f:dup()), "other", f:kcmp(dir) ~= 0)
print("beneath", U.try(dir.openat, dir, fs.path.new("../x"),
                       {"read_only", "resolve_beneath"}))
print("exclusive", U.try(dir.openat, dir, fs.path.new("file"),
                         {"write_only", "create", "exclusive"}, 420))
print("bad flag", U.try(dir.openat, dir, fs.path.new("file"), {"sideways"}))
print("string path", U.try(dir.openat, dir, "file", {"read_only"}))
print("mode without create", U.try(dir.openat, dir, fs.path.new("file"),
                                   {"read_only"}, 420))

local r, w = pipe.pair()
local rfd = r:release()
print("pipe", rfd.type, rfd.non_blocking)
rfd.non_blocking = false
print("non_blocking", rfd.non_blocking)
print(U.try(function() rfd.non_blocking = 1 end),
      U.try(function() rfd.colour = 1 end))

local s1 = unix.seqpacket.socket.pair()
local sfd = s1:release()
print("is_socket", sfd:is_socket("unix"), sfd:is_socket("unix", "seqpacket"),
      sfd:is_socket("unix", "stream"), sfd:is_socket("inet"),
      rfd:is_socket("unix"))
print(U.try(sfd.is_socket, sfd, "bluetooth"),
      U.try(sfd.is_socket, sfd, "unix", "raw"),
      U.try(sfd.is_socket, sfd, "inet", "stream", "sctp"))

local c = f:dup()
c:close()
c:close()
print("closed twice", tostring(c), U.try(c.dup, c), U.try(c.kcmp, f, c))
print("cap_get", U.try(function() return getmetatable(f:cap_get()) end))
print(U.try(f.cap_set, f, "caps"))

-- a file_descriptor nobody closed is closed when collected
collectgarbage()
local before = U.fd_count()
for i = 1, 100 do f:dup() end
collectgarbage()
collectgarbage()
print("collected", U.fd_count() == before)
fs.remove_all(d)
