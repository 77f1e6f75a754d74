-- A generated tree of 1,000 files in 110 directories: a recursive copy,
-- then a recursive iteration of both trees with a checksum over the
-- sorted (name, size) pairs.  The expected count and total size are
-- computed here from the way the tree is made.
local fs = require "filesystem"
local T = require "./tmp"
local d = T.make("tree1000")
local src, dst = d / "src", d / "dst"

local want_files, want_bytes = 0, 0
for i = 0, 9 do
    for j = 0, 9 do
        local dir = src / ("d" .. i) / ("e" .. j)
        fs.create_directories(dir)
        for k = 0, 9 do
            local n = (i * 100 + j * 10 + k) % 97
            T.file(dir / ("f" .. k), n)
            want_files, want_bytes = want_files + 1, want_bytes + n
        end
    end
end

fs.copy(src, dst, {recursive = true})

local function walk(root)
    local t, files, dirs, bytes, maxdepth = {}, 0, 0, 0, 0
    for e, depth in fs.recursive_directory_iterator(root) do
        local size = 0
        if e.status.type == "regular" then
            files, size = files + 1, e.file_size
            bytes = bytes + size
        else
            dirs = dirs + 1
        end
        if depth > maxdepth then maxdepth = depth end
        t[#t + 1] = e.path:lexically_relative(root):to_generic() .. ":" ..
                    size
    end
    table.sort(t)
    -- a polynomial hash mod a prime below 2^31, exact in doubles
    local h = 0
    for _, s in ipairs(t) do
        for c = 1, #s do h = (h * 131 + s:byte(c)) % 2147483629 end
        h = (h * 131 + 10) % 2147483629
    end
    return files, dirs, bytes, maxdepth, h
end

local f1, d1, b1, m1, h1 = walk(src)
local f2, d2, b2, m2, h2 = walk(dst)
print("source", f1, d1, b1, m1, f1 == want_files, b1 == want_bytes)
print("copy", f2, d2, b2, m2, h1 == h2)
print("checksum", h1)
print("removed", fs.remove_all(d))
