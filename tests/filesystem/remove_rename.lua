-- remove, remove_all (counts, symlinks not followed, missing paths),
-- rename and resize_file.
local fs = require "filesystem"
local generic_error = require "generic_error"
local T = require "./tmp"
local d = T.make("remove")

T.file(d / "f")
fs.create_directories(d / "t/u/v")
T.file(d / "t/u/v/w")
T.file(d / "t/x")
fs.create_directory(d / "keep")
T.file(d / "keep/k")
fs.create_symlink(d / "keep", d / "t/link")

print("remove", fs.remove(d / "f"), fs.remove(d / "f"),
      fs.exists(d / "f"))
print("non-empty dir", T.try(fs.remove, d / "t"))
print("through a file", T.try(fs.remove, d / "keep/k/z"))
print("remove_all", fs.remove_all(d / "t"), fs.exists(d / "t"),
      fs.exists(d / "keep/k"), fs.remove_all(d / "t"))
T.file(d / "g")
print("remove_all file", fs.remove_all(d / "g"))

T.file(d / "a", 5)
fs.rename(d / "a", d / "b")
print("rename", fs.exists(d / "a"), fs.file_size(d / "b"))
local ok, e = pcall(fs.rename, d / "a", d / "c")
print("rename missing", e:togeneric() == generic_error.ENOENT, T.rel(e.path1),
      T.rel(e.path2))
print("rename dir over file", T.try(fs.rename, d / "keep", d / "b"))

fs.resize_file(d / "b", 4096)
print("resize_file", fs.file_size(d / "b"))
fs.resize_file(d / "b", 1)
print("resize_file", fs.file_size(d / "b"))
print("resize_file bad", T.try(fs.resize_file, d / "b", -1),
      T.try(fs.resize_file, d / "b"), T.try(fs.resize_file, d / "nope", 1),
      T.try(fs.resize_file, d / "keep", 1))

print("strings", T.try(fs.remove, "x"), T.try(fs.remove_all, "x"),
      T.try(fs.rename, d / "b", "x"), T.try(fs.resize_file, "x", 1))
print(fs.remove_all(d))
