-- ip.tostring formats an endpoint; ip.toendpoint parses one back.
local ip = require 'ip'
local A = ip.address.new
print(ip.tostring(A('127.0.0.1')), ip.tostring(A('127.0.0.1'), 8080))
print(ip.tostring(A('::1'), 0), ip.tostring(A('fe80::1%7'), 65535))
for _, ep in ipairs{'127.0.0.1:80', '[::1]:443', '[fe80::1%7]:65535',
                    '0.0.0.0:0'} do
    local a, p = ip.toendpoint(ep)
    print(ep, a, p, math.type and math.type(p) or type(p),
          ip.tostring(a, p) == ep)
end
