-- The serial_port module on a pseudo-terminal: the master end is a port;
-- the slave end, reopened with open() (which sets raw mode), plays the
-- device on the other side of the line.
local serial_port = require "serial_port"
local stream = require "stream"

local master, slave_fd = serial_port.ptypair()
local device = serial_port.new()
device:open("/proc/self/fd/" .. tostring(slave_fd):match("%d+"))
slave_fd:close()

device.baud_rate = 115200
device.flow_control = nil
device.stop_bits = "one"
print(device.baud_rate, device.flow_control, device.stop_bits,
      device:isatty())

spawn(function()
    local buf = byte_span.new(64)
    local n = device:read_some(buf)
    stream.write_all(device, "ACK " .. tostring(buf:first(n)))
end)

stream.write_all(master, "AT")
local buf = byte_span.new(64)
local n = stream.read_all(master, buf:first(6))
print(buf:first(n))
device:close()
master:close()
