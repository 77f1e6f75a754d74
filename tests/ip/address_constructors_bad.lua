-- to_v6 is for IPv4 addresses, to_v4 for IPv4-mapped IPv6 ones.
local ip = require 'ip'
local ge = require 'generic_error'
local A = ip.address
local function try(f, ...)
    local ok, e = pcall(f, ...)
    if ok then print('ok', e) else print(e == ge.EINVAL, e.arg) end
end
try(A.loopback_v6().to_v6, A.loopback_v6())
try(A.loopback_v4().to_v4, A.loopback_v4())
try(A.loopback_v6().to_v4, A.loopback_v6())
print(pcall(A.loopback_v4().to_v6, 'x'))
print(getmetatable(A.loopback_v4()))
