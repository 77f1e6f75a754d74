-- file_descriptor: what release() returns and constructors take.  A
-- socket leaves one object as a plain fd and becomes another one.
local unix = require "unix"
local fs = require "filesystem"

local a, b = unix.stream.socket.pair()
local fd = a:release()                        -- a is closed now
print(a.is_open, fd.type, fd:is_socket("unix", "stream"), fd.non_blocking)

local copy = fd:dup()                         -- same open file description
print(fd:kcmp(copy) == 0)
copy:close()
copy:close()                                  -- closing twice is fine

local again = unix.stream.socket.new(fd)      -- takes the fd over
again:write_some(byte_span.append("still connected"))
local buf = byte_span.new(32)
print(buf:first(b:read_some(buf)))

-- a directory fd opens files beneath it and nowhere else
local etc = fs.open(fs.path.new("/etc"), {"read_only", "directory"})
local ok, err = pcall(etc.openat, etc, fs.path.new("../proc/self/status"),
                      {"read_only", "resolve_beneath"})
print(ok, err:togeneric() == require("generic_error").EXDEV)
etc:close()
