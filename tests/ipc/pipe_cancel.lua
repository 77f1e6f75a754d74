-- A pending read ends with fiber_canceled under fiber:cancel(), with
-- operation_aborted under cancel() and close(); a canceled read has not
-- happened: the bytes written later are all still there.
local pipe = require "pipe"
local U = require "./util"

local r, w = pipe.pair()
local buf = byte_span.new(16)

local f = spawn(function()
    print("fiber:cancel", U.try(r.read_some, r, buf))
end)
this_fiber.yield()
f:cancel()
f:join()

f = spawn(function() print("cancel()", U.try(r.read_some, r, buf)) end)
this_fiber.yield()
r:cancel()
f:join()

f = spawn(function() print("close()", U.try(r.read_some, r, buf)) end)
this_fiber.yield()
r:close()
f:join()
print("is_open", r.is_open)

-- nothing was consumed by the canceled reads
local r2, w2 = pipe.pair()
f = spawn(function() r2:read_some(buf) end)
this_fiber.yield()
f:cancel()
f:join()
w2:write_some(U.str("intact"))
local n = r2:read_some(buf)
print("after cancel", buf:first(n))

-- a full pipe: a pending write is canceled and has not happened
local big = byte_span.new(1024 * 1024)
local total = 0
f = spawn(function()
    print("write", U.try(function()
        while true do total = total + w2:write_some(big) end
    end))
end)
this_fiber.yield()
f:cancel()
f:join()
-- drain: exactly the bytes the completed writes reported
local got = 0
w2:close()
while true do
    local ok, n = pcall(r2.read_some, r2, big)
    if not ok then break end
    got = got + n
end
print("drained what was reported", got == total + #"" and got > 0)
