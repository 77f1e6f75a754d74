-- file.stream: open, read_some/write_some at the file position, seek,
-- size, resize, is_open, close, EOF, and the errors of each.
local file = require "file"
local fs = require "filesystem"
local generic_error = require "generic_error"
local T = require "./tmp"
local d = T.make("stream")

local f = file.stream.new()
print("new", getmetatable(f), f.is_open)
f:open(d / "a", {"write_only", "create", "exclusive"})
print("open", f.is_open, f.size)
print("write_some", f:write_some(byte_span.append("hello ")),
      f:write_some(byte_span.append("world\n")), f.size)
print("seek", f:seek(0, "cur"), f:seek(-6, "end"), f:seek(2, "set"),
      f:seek(3, "cur"))
f:write_some(byte_span.append("_"))
f:close()
print("closed", f.is_open, T.get(d / "a"))

f:open(d / "a", {"read_only"})
local b = byte_span.new(4)
print("read_some", f:read_some(b), tostring(b), f:read_some(b), tostring(b))
print("read_some empty", f:read_some(byte_span.new(0)))
local rest = byte_span.new(100)
local n = f:read_some(rest)
print("rest", n, rest:sub(1, n))
local ok, e = pcall(f.read_some, f, rest)
print("eof", ok, e == require("asio_error").misc.eof, e)
print("write to read_only", T.try(f.write_some, f, byte_span.append("x")))
f:close()
f:close()   -- closing twice is fine

f:open(d / "a", {"read_write"})
f:resize(3)
print("resize", f.size, T.get(d / "a"))
f:resize(5)
print("resize up", f.size, #T.get(d / "a"), T.get(d / "a"):byte(5))
f:close()

f:open(d / "a", {"write_only", "append"})
f:seek(0, "set")
f:write_some(byte_span.append("!"))
f:close()
print("append", #T.get(d / "a"), T.get(d / "a"):sub(-1))

f:open(d / "a", {"write_only", "truncate"})
print("truncate", f.size)
f:close()
f:open(d / "a", {"read_write", "sync_all_on_write"})
f:write_some(byte_span.append("sync"))
f:close()
print("sync_all_on_write", T.get(d / "a"))

local ok, e = pcall(f.open, f, d / "missing", {"read_only"})
print("missing", e:togeneric() == generic_error.ENOENT, f.is_open)
print("exists", T.try(f.open, f, d / "a", {"write_only", "create",
                                          "exclusive"}))

print("bad args",
      T.try(f.open, f, "a", {"read_only"}),
      T.try(f.open, f, d / "a", "read_only"),
      T.try(f.open, f, d / "a", {"read_only", "binary"}),
      T.try(f.open, f, d / "a", {"write_only", "exclusive"}))
print("closed ops",
      T.try(f.read_some, f, b), T.try(f.write_some, f, b),
      T.try(f.seek, f, 0, "set"), T.try(f.resize, f, 0),
      T.try(function() return f.size end), T.try(f.cancel, f),
      T.try(f.release, f), T.try(f.lock, f), T.try(f.try_lock, f),
      T.try(f.unlock, f))
f:open(d / "a", {"read_write"})
print("already open", T.try(f.open, f, d / "a", {"read_only"}))
print("bad values",
      T.try(f.read_some, f, "x"), T.try(f.write_some, f, "x"),
      T.try(f.seek, f, 0, "start"), T.try(f.seek, f, "0", "set"),
      T.try(f.seek, f, -1, "set"), T.try(f.resize, f, -1),
      T.try(f.read_some, {}, b), T.try(file.stream.new, 3),
      T.try(function() return f.nope end))
f:close()
print(fs.remove_all(d))
