-- A read that waits (a FIFO nobody has written to yet) waits on the loop:
-- the loop goes on, another fiber keeps printing, and it is that fiber's
-- write which ends the read.  Were the loop blocked, this would hang.
-- Meanwhile a third fiber reads a regular file to its end.
local file = require "file"
local fs = require "filesystem"
local T = require "./tmp"
local d = T.make("not_blocking")
fs.mkfifo(d / "p", fs.mode(6, 0, 0))
T.put(d / "big", string.rep("0123456789abcdef", 65536))   -- 1 MiB

local function opened(p, flags)
    local f = file.stream.new()
    f:open(p, flags)
    return f
end

local reader = spawn(function()
    local f = opened(d / "p", {"read_write"})
    local buf = byte_span.new(16)
    print("reader: waiting")
    local n = f:read_some(buf)
    print("reader: got", buf:sub(1, n))
    f:close()
end)
local bulk = spawn(function()
    local f = opened(d / "big", {"read_only"})
    local buf, total = byte_span.new(65536), 0
    while total < 1048576 do total = total + f:read_some(buf) end
    f:close()
    return total
end)
local ticker = spawn(function()
    for i = 1, 3 do
        print("ticker", i)
        this_fiber.yield()
    end
    local w = opened(d / "p", {"read_write"})
    w:write_some(byte_span.append("ping"))
    w:close()
end)
ticker:join()
reader:join()
print("bulk read", bulk:join())
print(fs.remove_all(d))
