-- directory_iterator and recursive_directory_iterator: entries and
-- their properties, depth, pop, disable_recursion_pending,
-- recursion_pending, following directory symlinks, options and errors.
-- Directory order is the filesystem's, so listings are sorted.
local fs = require "filesystem"
local generic_error = require "generic_error"
local T = require "./tmp"
local d = T.make("iter")
local P = fs.path.new

fs.create_directories(d / "a/b/c")
fs.create_directories(d / "skip/me")
T.file(d / "f", 4)
T.file(d / "a/g", 5)
T.file(d / "a/b/h", 6)
T.file(d / "skip/me/i", 7)
fs.create_symlink(P("a"), d / "la")
fs.create_symlink(P("nowhere"), d / "dangling")

local function sorted(t)
    table.sort(t)
    return table.concat(t, " ")
end

local names = {}
for e in fs.directory_iterator(d) do
    names[#names + 1] = e.path.filename .. "=" .. e.status.type .. "/" ..
                        e.symlink_status.type
end
print("flat", sorted(names))

local entry
for e in fs.directory_iterator(d) do
    if e.path.filename == "f" then entry = e end
end
print("entry", getmetatable(entry), T.rel(entry.path), entry.file_size,
      entry.hardlink_count,
      entry.last_write_time == fs.last_write_time(d / "f"))
fs.resize_file(d / "f", 40)
print("cached", entry.file_size)
entry:refresh()
print("refreshed", entry.file_size)
fs.remove(d / "f")
entry:refresh()
print("gone", entry.status.type, T.try(function() return entry.file_size end))
print("no field", pcall(function() return entry.nope end))

local all = {}
for e, depth in fs.recursive_directory_iterator(d) do
    all[#all + 1] = depth .. ":" .. e.path:lexically_relative(d):to_generic()
end
print("recursive", sorted(all))

all = {}
for e, depth in fs.recursive_directory_iterator(
        d, {follow_directory_symlink = true}) do
    all[#all + 1] = depth .. ":" .. e.path:lexically_relative(d):to_generic()
end
print("follow", sorted(all))

-- disable_recursion_pending: skip "skip" and everything below it
all = {}
local iter, handle = fs.recursive_directory_iterator(d)
print("handle", getmetatable(handle), handle.recursion_pending)
for e, depth in iter, handle do
    if e.path.filename == "skip" then
        handle:disable_recursion_pending()
        all[#all + 1] = "(" .. tostring(handle.recursion_pending) .. ")"
    end
    all[#all + 1] = e.path:lexically_relative(d):to_generic()
end
print("disabled", sorted(all))

-- pop: leave "a/b" as soon as it is entered
all = {}
iter, handle = fs.recursive_directory_iterator(d)
for e, depth in iter, handle do
    local r = e.path:lexically_relative(d):to_generic()
    if depth == 2 and r:sub(1, 3) == "a/b" then
        handle:pop()
    else
        all[#all + 1] = r
    end
end
print("pop", sorted(all))
iter, handle = fs.recursive_directory_iterator(d / "a/b/c")
handle:pop()
print("pop top", iter(), iter())

-- an empty directory, exhausted iterators
local it = fs.directory_iterator(d / "a/b/c")
print("empty", it(), it())
local ok, e = pcall(fs.directory_iterator, d / "nope")
print("missing", e:togeneric() == generic_error.ENOENT, T.rel(e.path1))
print("not a dir", T.try(fs.recursive_directory_iterator, d / "a/g"))
print("options", T.try(fs.directory_iterator, d, {skip_permission_denied = true}),
      T.try(fs.recursive_directory_iterator, d, {skip_permission_denied = 1}),
      T.try(fs.directory_iterator, d, "x"))
print("strings", T.try(fs.directory_iterator, "."),
      T.try(fs.recursive_directory_iterator, "."),
      T.try(handle.pop, {}))
print(fs.remove_all(d))
