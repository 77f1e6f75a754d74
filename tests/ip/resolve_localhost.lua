-- "localhost" resolves from /etc/hosts, to loopback addresses only.
local ip = require 'ip'
local list = ip.tcp.get_address_v4_info('localhost', 'http',
                                        {'canonical_name'})
print(#list >= 1)
for _, e in ipairs(list) do
    print(e.address.is_loopback, e.port, e.canonical_name)
end
local all = ip.udp.get_address_info('localhost', 9, {})
local ok = #all >= 1
for _, e in ipairs(all) do ok = ok and e.address.is_loopback and e.port == 9 end
print(ok)
