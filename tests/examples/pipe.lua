-- The pipe module: a producer fiber writes lines into a pipe, the main
-- fiber reads them until the end of the stream.
local pipe = require "pipe"
local stream = require "stream"

local r, w = pipe.pair()
spawn(function()
    for i = 1, 3 do
        stream.write_all(w, "line " .. i .. "\n")
    end
    w:close()                   -- the reader sees the end of the stream
end)

local buf = byte_span.new(1024)
local got = {}
while true do
    local ok, n = pcall(r.read_some, r, buf)
    if not ok then
        print("end:", n == require("asio_error").misc.eof or tostring(n))
        break
    end
    got[#got + 1] = tostring(buf:first(n))
end
print(table.concat(got))

-- a write end whose reader is gone fails with EPIPE; nothing dies
local r2, w2 = pipe.pair()
r2:close()
local ok, err = pcall(w2.write_some, w2, byte_span.append("lost"))
print(ok, err:togeneric() == require("generic_error").EPIPE)
