-- Failures are error values comparable with asio_error's.
local ip = require 'ip'
local asio_error = require 'asio_error'
local ok, e = pcall(ip.tcp.get_address_info, '127.0.0.1', 'no-such-service')
print(ok, e == asio_error.addrinfo.service_not_found, e.category)
ok, e = pcall(ip.udp.get_address_v4_info, '::1', 80, {})
print(ok, e == asio_error.netdb.host_not_found)
ok, e = pcall(ip.tcp.get_address_info, ip.address.loopback_v6(), 80, {})
print(ok, #e, e[1].address)
