-- Pending unix socket operations: fiber:cancel() ends them with
-- fiber_canceled; cancel() and close() with operation_aborted; a
-- canceled receive has not happened (the message is still queued).
local unix = require "unix"
local U = require "./util"

local d = U.tmpdir("cancel")
local acc = unix.stream.listen(tostring(d / "s"))
local f = spawn(function() print("accept", U.try(acc.accept, acc)) end)
this_fiber.yield()
f:cancel()
f:join()
f = spawn(function() print("accept", U.try(acc.accept, acc)) end)
this_fiber.yield()
acc:cancel()
f:join()
f = spawn(function() print("wait", U.try(acc.wait, acc, "read")) end)
this_fiber.yield()
acc:close()
f:join()

local a, b = unix.seqpacket.socket.pair()
local buf = byte_span.new(16)
f = spawn(function() print("receive", U.try(b.receive, b, buf)) end)
this_fiber.yield()
f:cancel()
f:join()
f = spawn(function()
    print("receive_with_fds", U.try(b.receive_with_fds, b, buf, 2))
end)
this_fiber.yield()
b:cancel()
f:join()
a:send(U.str("kept"))
local n = b:receive(buf)
print("after cancels", buf:first(n))

local x, y = unix.datagram.socket.pair()
f = spawn(function() print("receive_from", U.try(y.receive_from, y, buf)) end)
this_fiber.yield()
y:close()
f:join()

require("filesystem").remove_all(d)
