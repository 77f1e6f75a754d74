-- Bulk transfer: CHUNKS x 64 KiB through a unix stream socket pair or a
-- pipe (arg[1]: "stream" or "pipe"), a writer fiber and a reader; prints
-- the bytes read.  The floor is bench/ipc_uv.c.
local args = require("system").arguments
local kind, chunks = args[3], tonumber(args[4])
local a, b
if kind == "pipe" then
    b, a = require("pipe").pair()
else
    a, b = require("unix").stream.socket.pair()
end
local chunk = byte_span.new(65536)
spawn(function()
    for _ = 1, chunks do
        local s = chunk
        while #s > 0 do
            local n = a:write_some(s)
            s = s:sub(n + 1)
        end
    end
    a:close()
end)
local buf = byte_span.new(65536)
local total = 0
local read_some = b.read_some
while true do
    local ok, n = pcall(read_some, b, buf)
    if not ok then break end
    total = total + n
end
print(total)
