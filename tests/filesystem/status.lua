-- status, symlink_status, exists, the is_* predicates, is_empty,
-- file_size and hardlink_count over one file of each kind; a missing
-- path is "not_found" for status and false for the predicates, and an
-- error (ENOENT through togeneric, with the path) where a file is needed.
local fs = require "filesystem"
local generic_error = require "generic_error"
local T = require "./tmp"
local d = T.make("status")

T.file(d / "reg", 10)
T.file(d / "empty")
fs.create_directory(d / "dir")
fs.create_directory(d / "dir2")
T.file(d / "dir2" / "x")
fs.mkfifo(d / "fifo", fs.mode(6, 0, 0))
fs.create_symlink(fs.path.new("reg"), d / "link")
fs.create_symlink(fs.path.new("nowhere"), d / "dangling")
fs.create_hardlink(d / "reg", d / "hard")

local preds = {"exists", "is_regular_file", "is_directory", "is_symlink",
               "is_fifo", "is_socket", "is_block_device",
               "is_character_device", "is_other"}
for _, name in ipairs({"reg", "dir", "fifo", "link", "dangling", "missing",
                       "reg/below"}) do
    local p = d / name
    local st, lst = fs.status(p), fs.symlink_status(p)
    local t = {}
    for _, f in ipairs(preds) do
        if fs[f](p) then t[#t + 1] = f end
    end
    print(name, st.type, st.mode == "unknown" and "unknown" or
          string.format("%o", st.mode), lst.type, table.concat(t, ","))
end

print(fs.is_character_device(fs.path.new("/dev/null")),
      fs.is_other(fs.path.new("/dev/null")))
print("is_empty", fs.is_empty(d / "empty"), fs.is_empty(d / "reg"),
      fs.is_empty(d / "dir"), fs.is_empty(d / "dir2"))
print("file_size", fs.file_size(d / "reg"), fs.file_size(d / "link"),
      fs.file_size(d / "empty"))
print("hardlink_count", fs.hardlink_count(d / "reg"),
      fs.hardlink_count(d / "empty"))
print("file_size dir", T.try(fs.file_size, d / "dir"))
print("file_size fifo", T.try(fs.file_size, d / "fifo"))

-- missing paths
for _, f in ipairs({"file_size", "hardlink_count", "is_empty"}) do
    local ok, e = pcall(fs[f], d / "missing")
    print(f, ok, e:togeneric() == generic_error.ENOENT, T.rel(e.path1))
end

-- bad arguments: plain strings are refused
for _, f in ipairs({"status", "symlink_status", "exists", "is_directory",
                    "is_empty", "file_size", "hardlink_count"}) do
    print(f, T.try(fs[f], tostring(d / "reg")))
end
print(T.try(fs.status, fs.path.new("a\0b")))

print(fs.remove_all(d))
