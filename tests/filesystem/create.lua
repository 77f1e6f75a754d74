-- create_directory (with existing_p), create_directories, mkdir, mkfifo,
-- mknod, the device-number helpers, hard and symbolic links,
-- read_symlink and copy_symlink: normal use, existing and missing paths,
-- bad arguments.
local fs = require "filesystem"
local generic_error = require "generic_error"
local T = require "./tmp"
local d = T.make("create")

print("create_directory", fs.create_directory(d / "a"),
      fs.create_directory(d / "a"))
T.file(d / "f")
print("on a file", T.try(fs.create_directory, d / "f"))
print("missing parent", T.try(fs.create_directory, d / "x/y"))
fs.chmod(d / "a", fs.mode(7, 0, 0))
print("existing_p", fs.create_directory(d / "b", d / "a"),
      string.format("%o", fs.status(d / "b").mode))
print("existing_p missing", T.try(fs.create_directory, d / "c", d / "nope"))

print("create_directories", fs.create_directories(d / "p/q/r/"),
      fs.is_directory(d / "p/q/r"), fs.create_directories(d / "p/q/r"),
      fs.create_directories(d / "p/q/s"))
print("through a file", T.try(fs.create_directories, d / "f/g"))
print("empty", T.try(fs.create_directories, fs.path.new()))

fs.mkdir(d / "m", fs.mode(7, 5, 0))
print("mkdir", string.format("%o", fs.status(d / "m").mode),
      T.try(fs.mkdir, d / "m", 448))
print("mkdir bad mode", T.try(fs.mkdir, d / "n", -1),
      T.try(fs.mkdir, d / "n", "rwx"))

fs.mkfifo(d / "fifo", fs.mode(6, 4, 0))
print("mkfifo", fs.status(d / "fifo").type,
      string.format("%o", fs.status(d / "fifo").mode),
      T.try(fs.mkfifo, d / "fifo", 384))
-- a FIFO through mknod needs no privilege (S_IFIFO = 0x1000)
fs.mknod(d / "fifo2", 4096 + fs.mode(6, 0, 0), 0)
print("mknod", fs.status(d / "fifo2").type,
      T.try(fs.mknod, d / "x", 384, 0, "tape"))

local dev = fs.makedev(8, 17)
print("makedev", dev, fs.dev_major(dev), fs.dev_minor(dev),
      fs.dev_major(fs.makedev(4095, 1048575)),
      fs.dev_minor(fs.makedev(4095, 1048575)))
print("makedev bad", T.try(fs.makedev, -1, 0), T.try(fs.dev_major, "8"))

fs.create_hardlink(d / "f", d / "h")
print("hardlink", fs.equivalent(d / "f", d / "h"), fs.hardlink_count(d / "f"),
      T.try(fs.create_hardlink, d / "nope", d / "h2"))
fs.create_symlink(fs.path.new("f"), d / "s")
fs.create_directory_symlink(fs.path.new("a"), d / "sd")
print("symlinks", tostring(fs.read_symlink(d / "s")),
      tostring(fs.read_symlink(d / "sd")), fs.is_directory(d / "sd"),
      T.try(fs.create_symlink, fs.path.new("f"), d / "s"))
print("read_symlink", T.try(fs.read_symlink, d / "f"),
      T.try(fs.read_symlink, d / "nope"))
fs.copy_symlink(d / "s", d / "s2")
print("copy_symlink", tostring(fs.read_symlink(d / "s2")),
      T.try(fs.copy_symlink, d / "s", d / "s2"),
      T.try(fs.copy_symlink, d / "f", d / "s3"))

local ok, e = pcall(fs.create_symlink, fs.path.new("x"), d / "nope/l")
print("missing", e:togeneric() == generic_error.ENOENT, T.rel(e.path2))
print("strings", T.try(fs.create_directory, "x"),
      T.try(fs.create_symlink, fs.path.new("x"), "y"),
      T.try(fs.mkfifo, "x", 384), T.try(fs.read_symlink, "x"))
print(fs.remove_all(d))
