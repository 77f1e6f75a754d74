-- ip.host_name() is the kernel's host name (host_name.cmd passes it).
local ip = require 'ip'
local system = require 'system'
local name = ip.host_name()
print(type(name), name == system.arguments[3])
