-- Prints "NAME yes|no" for each network workload of bench/net.sh: whether
-- the modules it needs load and have what it calls (as probe.lua does for
-- the others).  Nothing here touches the network.
local function has(f)
    local ok, r = pcall(f)
    return ok and r == true
end
local function fn(v) return type(v) == 'function' end

local tcp = has(function()
    local ip = require 'ip'
    local s, a = ip.tcp.socket.new(), ip.tcp.acceptor.new()
    return fn(ip.tcp.listen) and fn(s.open) and fn(s.connect) and
        fn(s.read_some) and fn(s.write_some) and fn(s.set_option) and
        fn(a.accept) and fn(ip.address.loopback_v4) and
        fn(require('stream').write_all)
end)
print('tcp ' .. (tcp and 'yes' or 'no'))

print('tls ' .. (has(function()
    local tls = require 'tls'
    local ctx = tls.context.new('tls_client')
    return tcp and fn(ctx.add_certificate_authority) and
        fn(ctx.set_verify_mode) and fn(tls.socket.new)
end) and 'yes' or 'no'))
