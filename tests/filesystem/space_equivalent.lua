-- space and equivalent: normal use, missing paths, bad arguments.
local fs = require "filesystem"
local generic_error = require "generic_error"
local T = require "./tmp"
local d = T.make("space")

local s = fs.space(d)
print("space", s.capacity > 0, s.free <= s.capacity,
      s.available <= s.free, math.floor(s.capacity) == s.capacity)
local ok, e = pcall(fs.space, d / "nope")
print("space missing", e:togeneric() == generic_error.ENOENT, T.rel(e.path1))
print("space bad", T.try(fs.space, "/"), T.try(fs.space))

T.file(d / "a")
T.file(d / "b")
fs.create_hardlink(d / "a", d / "h")
fs.create_symlink(fs.path.new("a"), d / "s")
print("equivalent", fs.equivalent(d / "a", d / "h"),
      fs.equivalent(d / "a", d / "s"), fs.equivalent(d / "a", d / "b"),
      fs.equivalent(d, d / "."))
ok, e = pcall(fs.equivalent, d / "a", d / "nope")
print("equivalent missing", e:togeneric() == generic_error.ENOENT,
      T.rel(e.path1), T.rel(e.path2))
print("equivalent bad", T.try(fs.equivalent, d / "a", "a"),
      T.try(fs.equivalent, "a", d / "a"))
print(fs.remove_all(d))
