-- A pty-backed serial port: ptypair() gives the master as a port and the
-- slave as an fd, which serial_port.new() adopts; bytes cross both ways;
-- the line settings read back what was written; bad values are EINVAL.
local serial_port = require "serial_port"
local stream = require "stream"
local U = require "./util"

local master, slave_fd = serial_port.ptypair()
print(getmetatable(master), master.is_open, slave_fd.type, master:isatty())
local slave_name = "/proc/self/fd/" .. tostring(slave_fd):match("%d+")
local slave = serial_port.new(slave_fd)
print("slave", slave.is_open, slave:isatty())

-- open() sets raw mode (no echo, no newline translation): reopen the
-- slave by its /proc name through open() to get it
local by_name = serial_port.new()
by_name:open(slave_name)
slave:close()
slave = by_name
print("reopened", slave.is_open, U.try(function() return slave_fd.type end))
local saved = slave:release()
slave = serial_port.new()
slave:assign(saved)
local buf = byte_span.new(64)
stream.write_all(slave, "from slave\n")
local n = stream.read_all(master, buf:first(11))
print("master read", tostring(buf:first(11)):gsub("\n", "\\n"))
stream.write_all(master, "from master\r")
n = stream.read_all(slave, buf:first(12))
print("slave read", tostring(buf:first(12)):gsub("\r", "\\r"))

print("baud", slave.baud_rate)
slave.baud_rate = 9600
print("baud", slave.baud_rate)
-- a pty keeps 8 bits without parity whatever is asked (the kernel's pty
-- driver resets them), so parity reads back as none here
slave.parity = "even"
print("parity", slave.parity)
slave.parity = nil
print("parity", slave.parity)
slave.stop_bits = "two"
print("stop_bits", slave.stop_bits)
slave.flow_control = "hardware"
print("flow", slave.flow_control)
slave.flow_control = "software"
print("flow", slave.flow_control)
slave.flow_control = nil
print("flow", slave.flow_control)
print("character_size", slave.character_size)
print("send_break", U.try(master.send_break, master))

-- a pending read is aborted by close()
local f = spawn(function() print("pending read", U.try(master.read_some, master, buf)) end)
this_fiber.yield()
master:cancel()
f:join()

-- bad arguments and closed ports
print(U.try(function() slave.baud_rate = 12345 end))
print(U.try(function() slave.parity = "mark" end))
print(U.try(function() slave.stop_bits = "one_point_five" end))
print(U.try(function() slave.character_size = 9 end))
print(U.try(function() slave.colour = 1 end))
print(U.try(slave.tcsetpgrp, slave, -1))
print(U.try(slave.read_some, slave, "x"))
print(U.try(slave.open, slave, "/dev/null"))
print(U.try(serial_port.new, 1))
local p = serial_port.new()
print("closed", p.is_open, U.try(function() return p.baud_rate end),
      U.try(p.send_break, p), U.try(p.isatty, p))
print("open missing", U.try(p.open, p, "/nonexistent/tty"))
print("not a tty", U.try(p.open, p, "/dev/null"), p.is_open)
slave:close()
master:close()
