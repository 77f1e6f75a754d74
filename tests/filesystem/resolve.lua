-- absolute, canonical, weakly_canonical, relative, proximate,
-- current_working_directory (get; set by path and by file_descriptor),
-- chroot's errors and temp_directory_path.
local fs = require "filesystem"
local generic_error = require "generic_error"
local T = require "./tmp"
local d = fs.canonical(T.make("resolve"))
local P = fs.path.new

fs.create_directories(d / "a/b")
T.file(d / "a/b/f")
fs.create_symlink(P("a/b"), d / "lb")

local cwd = fs.current_working_directory()
print("cwd", cwd.is_absolute, fs.equivalent(cwd, P(".")))
fs.current_working_directory(d)
print("chdir", fs.current_working_directory() == d)

print("absolute", tostring(fs.absolute(P("/x/../y"))),
      T.rel(fs.absolute(P("a/./c"))), T.try(fs.absolute, P("")))
print("canonical", T.rel(fs.canonical(P("lb/../b/./f"))),
      T.rel(fs.canonical(P("a/b/.."))), T.try(fs.canonical, P("a/nope")))
print("weakly_canonical", T.rel(fs.weakly_canonical(P("lb/x/../y/"))),
      T.rel(fs.weakly_canonical(d / "lb/f")),
      tostring(fs.weakly_canonical(P("/nonexistent-emilua/x/../y"))))
print("relative", tostring(fs.relative(d / "a/b/f", d / "lb")),
      tostring(fs.relative(d / "a", d / "a/b/f")),
      tostring(fs.relative(P("a/b"))), tostring(fs.relative(P("a"), P("a"))))
print("proximate", tostring(fs.proximate(P("a/b"))),
      tostring(fs.proximate(d / "a", d / "lb")),
      tostring(fs.proximate(P("a/b/f"), P("a/nope/x"))))

-- set through a file_descriptor
local fd = fs.open(d / "a", {"read_only", "directory"})
fs.current_working_directory(fd)
print("fchdir", T.rel(fs.current_working_directory()))
fd:close()
print("chdir missing", T.try(fs.current_working_directory, d / "nope"))
print("chdir file", T.try(fs.current_working_directory, d / "a/b/f"))
print("chdir string", T.try(fs.current_working_directory, "/"))
fs.current_working_directory(cwd)

local ok, e = pcall(fs.chroot, d / "nope")
print("chroot", e:togeneric() == generic_error.ENOENT, T.rel(e.path1),
      T.try(fs.chroot, "/"))
local tmp = fs.temp_directory_path()
print("temp_directory_path", tmp.is_absolute, fs.is_directory(tmp))
print("strings", T.try(fs.absolute, "x"), T.try(fs.canonical, "x"),
      T.try(fs.weakly_canonical, "x"), T.try(fs.relative, "x"),
      T.try(fs.relative, P("x"), "y"), T.try(fs.proximate, "x"))
print(fs.remove_all(d))
