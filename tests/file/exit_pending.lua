-- system.exit while a fiber waits to read a FIFO nobody writes to and
-- another waits to write to a full one: the waits are on the event loop,
-- not on pool threads, so the process ends at once.  Were they on the
-- pool, it would hang (meson's timeout catches that).
local file = require "file"
local fs = require "filesystem"
local system = require "system"
local T = require "./tmp"
local d = T.make("exit_pending")

local function fifo(name)
    fs.mkfifo(d / name, fs.mode(6, 0, 0))
    local f = file.stream.new()
    f:open(d / name, {"read_write"})
    return f
end
local r, w = fifo("r"), fifo("w")
fs.remove_all(d)

spawn(function()
    r:read_some(byte_span.new(8))
    print("never printed")
end)
spawn(function()
    local buf = byte_span.new(65536)
    while true do w:write_some(buf) end
end)
this_fiber.yield()
this_fiber.yield()
print("exiting with a read and a write pending")
system.exit(3)
