-- The filesystem module: build a small project tree in a scratch
-- directory, inspect it, copy it, walk the copy, and clean up.
local fs = require "filesystem"
local system = require "system"

-- paths are values; "/" joins, ".." concatenates
local scratch = fs.temp_directory_path() /
                ("emilua-example-" .. system.getpid())
local src = scratch / "project"
print((src / "doc" / "intro") .. ".md" == src / "doc/intro.md")
print(fs.path.new("a/./b/../c.tar.gz"):lexically_normal(),
      fs.path.new("notes/todo.txt").stem,
      fs.path.new("notes/todo.txt").extension)

fs.create_directories(src / "doc")
fs.create_directories(src / ".git/objects")
for _, name in ipairs({"README", "doc/intro.md", ".git/HEAD"}) do
    fs.open(src / name, {"write_only", "create"}, fs.mode(6, 4, 4)):close()
end
fs.resize_file(src / "README", 120)
fs.create_symlink(fs.path.new("doc/intro.md"), src / "INTRO")

print(fs.file_size(src / "README"), fs.status(src / "INTRO").type,
      fs.symlink_status(src / "INTRO").type)

-- a missing file: compare portably through togeneric()
local ok, err = pcall(fs.file_size, src / "LICENSE")
print(ok, err:togeneric() == require("generic_error").ENOENT,
      err.path1.filename)

-- copy the tree, keeping the symlink a symlink
fs.copy(src, scratch / "backup", {recursive = true, symlinks = "copy"})

-- walk the copy, skipping what is under .git
local lines = {}
local iter, walk = fs.recursive_directory_iterator(scratch / "backup")
for entry, depth in iter, walk do
    if entry.path.filename == ".git" then
        walk:disable_recursion_pending()
    end
    lines[#lines + 1] = depth .. " " ..
        entry.path:lexically_relative(scratch / "backup"):to_generic() ..
        " (" .. entry.symlink_status.type .. ")"
end
table.sort(lines)   -- directory order is the filesystem's
print(table.concat(lines, "\n"))

print("removed", fs.remove_all(scratch))
