-- Bad endpoints and bad arguments.
local ip = require 'ip'
local ge = require 'generic_error'
local A = ip.address.new
for _, ep in ipairs{'', '127.0.0.1', '127.0.0.1:', ':80', '::1:80',
                    '[127.0.0.1]:80', '127.0.0.1:65536', '127.0.0.1:-1',
                    '127.0.0.1:http', 'localhost:80', '[::1]80',
                    '127.0.0.1:8 0'} do
    local ok, e = pcall(ip.toendpoint, ep)
    print(string.format('%q', ep), ok, e == ge.EINVAL, e.arg)
end
print(pcall(ip.toendpoint, 80))
print(pcall(ip.tostring, '127.0.0.1'))
local ok, e = pcall(ip.tostring, A('::1'), 65536)
print(ok, e == ge.EINVAL, e.arg)
print(pcall(ip.tostring, A('::1'), 'x'))
