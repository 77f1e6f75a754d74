-- The ip module: addresses, endpoint strings and name resolution.
local ip = require 'ip'

-- Addresses parse from text and print back in canonical form.
local a = ip.address.new('2001:DB8::0:1')
print(a, a.is_v6, a.is_loopback)
local v4 = ip.address.loopback_v4()
print(v4:to_v6(), v4:to_v6().is_v4_mapped, v4:to_v6():to_v4() == v4)

-- Endpoints as one string and back.
local ep = ip.tostring(ip.address.loopback_v6(), 8080)
print(ep, ip.toendpoint(ep))

-- Resolution runs on the thread pool; the fiber waits for it.  (No
-- flags: the default "address_configured" would hide loopback-only
-- answers on a machine without a network.)
for _, e in ipairs(ip.tcp.get_address_v4_info('localhost', 'http', {})) do
    print('localhost:http ->', ip.tostring(e.address, e.port))
end
local names = ip.tcp.get_name_info(v4, 443)
print(names[1].host_name, names[1].service_name)

-- A resolution can be canceled like any other wait.
local f = spawn(function() ip.tcp.get_address_info('localhost', 80) end)
this_fiber.yield()
f:cancel()
f:join()
print('canceled:', f.cancellation_caught)
