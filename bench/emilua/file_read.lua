-- Reads the file named by $EMILUA_BENCH_FILE from start to end through
-- file.stream into one 64 KiB byte_span; prints the bytes read.
local file = require "file"
local fs = require "filesystem"
local system = require "system"
local f = file.stream.new()
f:open(fs.path.new(system.environment.EMILUA_BENCH_FILE), {"read_only"})
local buf = byte_span.new(65536)
local total = 0
while true do
    local ok, n = pcall(f.read_some, f, buf)
    if not ok then break end   -- the end of the file
    total = total + n
end
print(total)
