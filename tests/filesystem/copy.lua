-- copy_file with each on_existing choice, and copy with its options
-- (recursive or not, symlinks followed, copied or skipped, directories
-- only, symlinks or hard links instead of copies, existing targets).
local fs = require "filesystem"
local generic_error = require "generic_error"
local T = require "./tmp"
local d = T.make("copy")
local P = fs.path.new

-- a listing of a tree: relative names with a type letter and a size
local function tree(root)
    local t = {}
    for e in fs.recursive_directory_iterator(root) do
        local st = e.symlink_status
        local s = e.path:lexically_relative(root):to_generic() .. ":" ..
                  st.type:sub(1, 1)
        if st.type == "regular" then s = s .. e.file_size end
        t[#t + 1] = s
    end
    table.sort(t)
    return table.concat(t, " ")
end

T.file(d / "old", 3)
T.file(d / "new", 7)
fs.last_write_time(d / "old", fs.clock.unix_epoch() + 1000)
fs.chmod(d / "new", fs.mode(6, 4, 0))
print("copy_file", fs.copy_file(d / "new", d / "c"), fs.file_size(d / "c"),
      string.format("%o", fs.status(d / "c").mode))
print("exists", T.try(fs.copy_file, d / "new", d / "c"))
print("skip", fs.copy_file(d / "old", d / "c", "skip"), fs.file_size(d / "c"))
print("update older", fs.copy_file(d / "old", d / "c", "update"),
      fs.file_size(d / "c"))
fs.last_write_time(d / "c", fs.clock.unix_epoch() + 10)
print("update newer", fs.copy_file(d / "old", d / "c", "update"),
      fs.file_size(d / "c"))
print("overwrite", fs.copy_file(d / "new", d / "c", "overwrite"),
      fs.file_size(d / "c"))
print("same file", T.try(fs.copy_file, d / "c", d / "c", "overwrite"))
print("not regular", T.try(fs.copy_file, d, d / "x"))
local ok, e = pcall(fs.copy_file, d / "nope", d / "x")
print("missing", e:togeneric() == generic_error.ENOENT, T.rel(e.path1),
      T.rel(e.path2))
print("bad", T.try(fs.copy_file, d / "new", d / "c", "replace"),
      T.try(fs.copy_file, "new", d / "c"), T.try(fs.copy_file, d / "new", "c"))

-- a source tree: files, a subdirectory, a symlink to a file
local s = d / "src"
fs.create_directories(s / "sub/deeper")
T.file(s / "a", 1)
T.file(s / "sub/b", 2)
T.file(s / "sub/deeper/c", 3)
fs.create_symlink(P("a"), s / "ln")
print("src", tree(s))

fs.copy(s, d / "flat")
print("flat", tree(d / "flat"))
fs.copy(s, d / "rec", {recursive = true})
print("recursive", tree(d / "rec"))
fs.copy(s, d / "links", {recursive = true, symlinks = "copy"})
print("symlinks copy", tree(d / "links"))
fs.copy(s, d / "nolinks", {recursive = true, symlinks = "skip"})
print("symlinks skip", tree(d / "nolinks"))
fs.copy(s, d / "dirs", {recursive = true, copy = "directories_only"})
print("directories_only", tree(d / "dirs"))
fs.copy(s, d / "hard", {recursive = true, copy = "create_hardlinks"})
print("create_hardlinks", tree(d / "hard"), fs.equivalent(s / "sub/b",
      d / "hard/sub/b"))
fs.copy(s / "a", d / "sym", {copy = "create_symlinks"})
print("create_symlinks", fs.is_symlink(d / "sym"),
      tostring(fs.read_symlink(d / "sym")) == tostring(s / "a"))
fs.copy(s / "a", d / "dirs")    -- a file into a directory
print("into dir", fs.file_size(d / "dirs/a"))

-- which entry fails first depends on the directory's order
ok, e = pcall(fs.copy, s, d / "rec", {recursive = true})
print("exists", ok, e:togeneric() == generic_error.EEXIST, e.path1 ~= nil)
print("exists skip", T.try(fs.copy, s, d / "rec", {recursive = true,
                                                   existing = "skip"}))
print("dir onto file", T.try(fs.copy, s, d / "new"))
print("missing", T.try(fs.copy, d / "nope", d / "x"))
print("bad", T.try(fs.copy, s, d / "x", {existing = "always"}),
      T.try(fs.copy, s, d / "x", {symlinks = 1}),
      T.try(fs.copy, s, d / "x", {copy = "everything"}),
      T.try(fs.copy, s, d / "x", {recursive = "yes"}),
      T.try(fs.copy, s, d / "x", 5), T.try(fs.copy, "src", d / "x"))
print(fs.remove_all(d))
