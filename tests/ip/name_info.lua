-- Reverse resolution: /etc/hosts names 127.0.0.1; a port without a
-- service name comes back as a number.
local ip = require 'ip'
local r = ip.tcp.get_name_info(ip.address.loopback_v4(), 80)
print(#r, r[1].host_name, r[1].service_name)
r = ip.udp.get_name_info(ip.address.loopback_v4(), 53)
print(#r, r[1].host_name, r[1].service_name)
r = ip.tcp.get_name_info(ip.address.loopback_v4(), 1023)
print(#r, r[1].service_name)
