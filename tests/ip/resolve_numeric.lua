-- Numeric hosts and services resolve without any name service; an
-- ip.address host is taken as it is.
local ip = require 'ip'
local function show(list)
    for _, e in ipairs(list) do
        print('', e.address, e.port, e.canonical_name)
    end
end
print('tcp any')
show(ip.tcp.get_address_info('127.0.0.1', 80, {}))
print('tcp v6')
show(ip.tcp.get_address_v6_info('::1', '443', {}))
print('udp v4, ip.address host')
show(ip.udp.get_address_v4_info(ip.address.loopback_v4(), 53, {}))
print('v4-mapped from the v6 query')
show(ip.tcp.get_address_v6_info('127.0.0.1', 7, {'v4_mapped'}))
print('passive, no host')
show(ip.tcp.get_address_v4_info('', 8080, {'passive'}))
print('canonical name of a numeric host is the host')
show(ip.tcp.get_address_info('127.0.0.1', 0, {'canonical_name'}))
print('service by name')
show(ip.tcp.get_address_info('127.0.0.1', 'http', {}))
show(ip.udp.get_address_info('127.0.0.1', 'domain'))
