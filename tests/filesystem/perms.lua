-- chmod, lchmod, chown, lchown, umask and mode.
local fs = require "filesystem"
local T = require "./tmp"
local d = T.make("perms")

T.file(d / "f")
fs.create_symlink(fs.path.new("f"), d / "l")
fs.chmod(d / "f", fs.mode(7, 5, 1))
print("chmod", string.format("%o", fs.status(d / "f").mode))
fs.chmod(d / "l", fs.mode(6, 0, 0) + fs.mode("set_uid"))
print("chmod follows", string.format("%o", fs.status(d / "f").mode))
fs.lchmod(d / "f", fs.mode(4, 4, 4))
print("lchmod on a file", string.format("%o", fs.status(d / "f").mode))
-- Linux has no modes for symlinks themselves
print("lchmod on a link", T.try(fs.lchmod, d / "l", 511))
print("chmod bad", T.try(fs.chmod, d / "f", 4096), T.try(fs.chmod, d / "nope", 0),
      T.try(fs.chmod, "f", 0))

-- -1 keeps an id; changing to the ids the file has needs no privilege
fs.chown(d / "f", -1, -1)
fs.lchown(d / "l", -1, -1)
print("chown", T.try(fs.chown, d / "nope", -1, -1),
      T.try(fs.chown, d / "f", -2, 0), T.try(fs.lchown, d / "f", 0),
      T.try(fs.chown, "f", -1, -1))

print("mode", fs.mode(7, 5, 5), fs.mode(0, 0, 0), fs.mode("set_uid"),
      fs.mode("set_gid"), fs.mode("sticky_bit"))
print("mode bad", T.try(fs.mode, 8, 0, 0), T.try(fs.mode, 7, 7),
      T.try(fs.mode, "setuid"))

local old = fs.umask(63)
print("umask", old, fs.umask(old), T.try(fs.umask, "0"))
T.file(d / "m")
print(fs.remove_all(d))
