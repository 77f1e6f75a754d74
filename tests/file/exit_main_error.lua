-- The main fiber fails while another waits to read a FIFO nobody writes
-- to: the VM ends, its close aborts the read (a polled wait: no pool
-- thread), and the process ends.
local file = require "file"
local fs = require "filesystem"
local T = require "./tmp"
local d = T.make("exit_main_error")

fs.mkfifo(d / "p", fs.mode(6, 0, 0))
local f = file.stream.new()
f:open(d / "p", {"read_write"})
fs.remove_all(d)

spawn(function()
    f:read_some(byte_span.new(8))
    print("never printed")
end)
this_fiber.yield()
error("the main fiber fails", 0)
