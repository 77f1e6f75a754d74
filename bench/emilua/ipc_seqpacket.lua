-- N round trips of a 64-byte message over a unix seqpacket pair: an echo
-- fiber and the main fiber; prints N.  The floor is bench/ipc_uv.c.
local n = tonumber(require("system").arguments[3])
local client, server = require("unix").seqpacket.socket.pair()
spawn(function()
    local buf = byte_span.new(64)
    while true do
        local ok, got = pcall(server.receive, server, buf)
        if not ok then break end
        server:send(buf:first(got))
    end
end)
local msg = byte_span.new(64)
local buf = byte_span.new(64)
local trips = 0
for _ = 1, n do
    client:send(msg)
    if client:receive(buf) == 64 then trips = trips + 1 end
end
client:shutdown("both")
print(trips)
