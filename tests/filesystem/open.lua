-- filesystem.open: flags, the mode that "create" and "temporary" need,
-- the file_descriptor it returns, and its errors.
local fs = require "filesystem"
local generic_error = require "generic_error"
local T = require "./tmp"
local d = T.make("open")

local fd = fs.open(d / "f", {"write_only", "create", "exclusive"},
                   fs.mode(6, 0, 0))
print("create", getmetatable(fd), string.format("%o", fs.status(d / "f").mode))
fd:close()
print("exclusive", T.try(fs.open, d / "f", {"write_only", "create",
                                           "exclusive"}, 384))
fs.resize_file(d / "f", 10)
fs.open(d / "f", {"read_write", "truncate"}):close()
print("truncate", fs.file_size(d / "f"))
fs.open(d / "f", {"read_only"}):close()
fs.open(d / "f", {"write_only", "append", "sync_all_on_write"}):close()
fs.open(d / "f", {"path"}):close()
fs.open(d, {"read_only", "directory"}):close()
print("directory", T.try(fs.open, d / "f", {"read_only", "directory"}))
fs.create_symlink(fs.path.new("f"), d / "l")
print("no_follow", T.try(fs.open, d / "l", {"read_only", "no_follow"}))
fs.open(d, {"write_only", "temporary"}, fs.mode(6, 0, 0)):close()
print("entries after temporary (f, l)", #(function()
    local t = {}
    for e in fs.directory_iterator(d) do t[#t + 1] = e end
    return t
end)())

local ok, e = pcall(fs.open, d / "nope", {"read_only"})
print("missing", e:togeneric() == generic_error.ENOENT, T.rel(e.path1))
print("bad", T.try(fs.open, d / "f", {"read_only", "binary"}),
      T.try(fs.open, d / "f", "read_only"),
      T.try(fs.open, d / "g", {"write_only", "create"}),
      T.try(fs.open, d / "f", {"read_only"}, 384),
      T.try(fs.open, "f", {"read_only"}))
print(fs.remove_all(d))
