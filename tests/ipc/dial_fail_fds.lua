-- A failed or canceled unix dial closes its socket at once, not at the
-- next garbage collection (the collector is stopped here, so an fd
-- left to it would show in /proc/self/fd).
local unix = require "unix"
local fs = require "filesystem"
local U = require "./util"

local d = U.tmpdir("dialfds")
local N = 50
collectgarbage()
collectgarbage("stop")

local function check(what, f)
    local before = U.fd_count()
    for i = 1, N do f(i) end
    print(what, U.fd_count() - before)
end

-- a socket file nobody listens on: ECONNREFUSED
local stale = unix.stream.listen(tostring(d / "stale"))
stale:close()
local qstale = unix.seqpacket.listen(tostring(d / "qstale"))
qstale:close()

local missing = tostring(d / "missing")
check("stream ENOENT", function()
    assert(not pcall(unix.stream.dial, missing))
end)
check("seqpacket ENOENT", function()
    assert(not pcall(unix.seqpacket.dial, missing))
end)
check("datagram ENOENT", function()
    assert(not pcall(unix.datagram.dial, missing))
end)
check("stream ECONNREFUSED", function()
    local ok, e = pcall(unix.stream.dial, tostring(d / "stale"))
    assert(not ok and e.code == 111, tostring(e))
end)
check("seqpacket ECONNREFUSED", function()
    assert(not pcall(unix.seqpacket.dial, tostring(d / "qstale")))
end)
check("datagram to a stream socket", function()
    assert(not pcall(unix.datagram.dial, tostring(d / "stale")))
end)

-- canceled before it runs: the dial is the cancellation point
check("stream canceled", function()
    local f = spawn(function()
        local c = unix.stream.dial(tostring(d / "stale"))
        c:close()
    end)
    f:cancel()
    f:join()
    assert(f.cancellation_caught)
end)

-- the successful dial still hands its socket over
local acc = unix.stream.listen(tostring(d / "live"))
check("stream connected", function()
    local f = spawn(function() return acc:accept() end)
    local c = unix.stream.dial(tostring(d / "live"))
    f:join():close()
    c:close()
end)
acc:close()

fs.remove_all(d)
