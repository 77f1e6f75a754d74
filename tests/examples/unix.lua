-- The unix module: a tiny file server.  A seqpacket acceptor on an
-- abstract name hands out open files: each request names a file, and the
-- reply carries the file's descriptor (SCM_RIGHTS), not its contents.
local unix = require "unix"
local pipe = require "pipe"
local fs = require "filesystem"
local system = require "system"

local name = "@emilua-example-" .. system.getpid()
local acceptor = unix.seqpacket.listen(name)

spawn(function()
    local conn = acceptor:accept()
    local buf = byte_span.new(256)
    while true do
        local ok, n = pcall(conn.receive, conn, buf)
        if not ok then break end              -- the client is gone (EOF)
        local fd = fs.open(fs.path.new(tostring(buf:first(n))),
                           {"read_only"})
        conn:send_with_fds(byte_span.append("ok"), {fd})
        fd:close()                            -- the peer has its own copy
    end
end)

local client = unix.seqpacket.dial(name)
client:send(byte_span.append("/proc/self/status"))
local buf = byte_span.new(16)
local n, fds = client:receive_with_fds(buf, 1)
print(buf:first(n), #fds, fds[1].type)

-- read the first line through the received descriptor
local f = pipe.read_stream.new(fds[1])        -- any readable fd will do
local text = byte_span.new(64)
n = f:read_some(text)
print(tostring(text:first(n)):match("^[^\n]*"))
client:close()

-- peer credentials of a connected pair
local a, b = unix.stream.socket.pair()
local cred = a:get_option("remote_credentials")
print(cred.pid == system.getpid())
