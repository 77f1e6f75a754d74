-- Text that is no address, and arguments of the wrong type.
local ip = require 'ip'
local ge = require 'generic_error'
for _, s in ipairs{'', 'localhost', '1.2.3', '1.2.3.4.5', '256.0.0.1',
                   '1.2.3.4:80', '[::1]', ':::', 'fe80::1%', 'fe80::1%nosuchif',
                   '::1%-1', '::1%4294967296', '1.2.3.4%1', '1.2.3.4\0'} do
    local ok, e = pcall(ip.address.new, s)
    print(string.format('%q', s), ok, e == ge.EINVAL, e.arg)
end
print(pcall(ip.address.new, 127))
print(pcall(ip.address.new, {}))
