-- file.random_access: read_some_at/write_some_at at 0-based offsets, the
-- composed file.*_at functions, new(fd), assign and release.
local file = require "file"
local fs = require "filesystem"
local generic_error = require "generic_error"
local T = require "./tmp"
local d = T.make("random_access")

local f = file.random_access.new()
print("new", getmetatable(f), f.is_open)
f:open(d / "r", {"read_write", "create"})
print("write_some_at", f:write_some_at(0, byte_span.append("0123456789")),
      f:write_some_at(12, byte_span.append("xy")), f.size)
local b = byte_span.new(4)
print("read_some_at", f:read_some_at(0, b), tostring(b),
      f:read_some_at(6, b), tostring(b), f:read_some_at(12, b),
      tostring(b:sub(1, 2)))
local ok, e = pcall(f.read_some_at, f, 14, b)
print("eof", ok, e)
print("read_all_at", file.read_all_at(f, 2, b), tostring(b))
print("read_all_at past the end", T.try(file.read_all_at, f, 12, b))
print("read_at_least_at", file.read_at_least_at(f, 9, byte_span.new(8), 2))
print("write_all_at", file.write_all_at(f, 1, "ABC"),
      file.write_all_at(f, 4, byte_span.append("D")), T.get(d / "r"):sub(1, 6))
print("write_at_least_at", file.write_at_least_at(f, 0, byte_span.append("ab"),
                                                 1), T.get(d / "r"):sub(1, 6))
print("empty", f:read_some_at(0, byte_span.new(0)),
      f:write_some_at(0, byte_span.new(0)), file.read_all_at(f, 0,
      byte_span.new(0)))

-- release hands the fd out; new(fd) and assign take it back
local fd = f:release()
print("release", getmetatable(fd), f.is_open)
local g = file.random_access.new(fd)
print("new(fd)", g.is_open, g.size, T.try(fd.close, fd))
fd = g:release()
f:assign(fd)
print("assign", f.is_open, f.size)
local fd2 = fs.open(d / "r", {"read_only"})
print("assign when open", T.try(f.assign, f, fd2))
print("new(closed fd)", T.try(file.random_access.new, fd))
f:close()

local ok, e = pcall(f.open, f, d / "missing", {"read_only"})
print("missing", e:togeneric() == generic_error.ENOENT)
f:open(d / "r", {"read_only"})
print("bad args",
      T.try(f.read_some_at, f, -1, b), T.try(f.read_some_at, f, "0", b),
      T.try(f.read_some_at, f, 0, "x"), T.try(f.write_some_at, f, 0, "x"),
      T.try(f.assign, f, 3), T.try(function() return f.read_some end))
print("bad args of *_at",
      T.try(file.read_all_at, 1, 0, b), T.try(file.read_all_at, f, -1, b),
      T.try(file.read_all_at, f, 0, "x"),
      T.try(file.read_at_least_at, f, 0, b),
      T.try(file.read_at_least_at, f, 0, b, -1),
      T.try(file.write_all_at, f, 0.5, "x"),
      T.try(file.write_at_least_at, f, 0, "x", 1))
print("write to read_only", T.try(f.write_some_at, f, 0, byte_span.append("x")))
f:close()
print(fs.remove_all(d))
