-- tests/examples/file.lua
-- The file module: write a small log with file.stream, read records of
-- it back at their offsets with file.random_access, while another fiber
-- keeps running, and guard it with an advisory lock.
local file = require "file"
local fs = require "filesystem"
local stream = require "stream"
local system = require "system"

local dir = fs.temp_directory_path() / ("emilua-file-example-" ..
                                        system.getpid())
fs.create_directory(dir)
local path = dir / "log.bin"

-- write: ten fixed-size records of 8 bytes each
local out = file.stream.new()
out:open(path, {"write_only", "create", "truncate"})
for i = 1, 10 do
    stream.write_all(out, string.format("rec %3d\n", i))
end
print("size", out.size, "position", out:seek(0, "cur"))
out:close()

-- read: records 3 and 7 by offset; a fiber runs beside the reads
local ticks = 0
local ticker = spawn(function()
    for _ = 1, 3 do ticks = ticks + 1; this_fiber.yield() end
end)
local log = file.random_access.new()
log:open(path, {"read_only"})
local rec = byte_span.new(8)
for _, i in ipairs({3, 7}) do
    file.read_all_at(log, (i - 1) * 8, rec)
    print(tostring(rec):sub(1, -2))
end
ticker:join()
print("ticks while reading", ticks)

-- reading past the end is the end of the file
local ok, e = pcall(log.read_some_at, log, 80, rec)
print(ok, e == require("asio_error").misc.eof)

-- flock(2): a second open of the file cannot take the lock we hold
log:lock()
local other = file.random_access.new()
other:open(path, {"read_only"})
print("try_lock elsewhere", other:try_lock())
log:unlock()
print("try_lock elsewhere after unlock", other:try_lock())
other:close()
log:close()
fs.remove_all(dir)
