-- 1M filesystem.status calls on "/" (a stat(2) each, plus the status
-- table); prints how many saw a directory.
local fs = require "filesystem"
local status = fs.status
local p = fs.path.new("/")
local n = 0
for _ = 1, 1000000 do
    if status(p).type == "directory" then n = n + 1 end
end
print(n)
