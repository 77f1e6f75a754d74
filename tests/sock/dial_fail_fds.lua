-- A failed or canceled ip.tcp.dial / ip.udp.dial closes its socket at
-- once, not at the next garbage collection (the collector is stopped
-- here, so an fd left to it would show in /proc/self/fd).
local ip = require 'ip'
local fs = require 'filesystem'

local function fd_count()
    local n = 0
    for _ in fs.directory_iterator(fs.path.new('/proc/self/fd')) do
        n = n + 1
    end
    return n
end

local N = 50
collectgarbage()
collectgarbage('stop')
local function check(what, f)
    local before = fd_count()
    for i = 1, N do f(i) end
    print(what, fd_count() - before)
end

local dead = ip.tcp.listen('127.0.0.1:0')
local dead_ep = '127.0.0.1:' .. dead.local_port
dead:close()

check('tcp dial refused', function()
    local ok, e = pcall(ip.tcp.dial, dead_ep)
    assert(not ok and e.code == 111, tostring(e))
end)
check('tcp dial canceled before it runs', function()
    local f = spawn(function() ip.tcp.dial(dead_ep):close() end)
    f:cancel()
    f:join()
    assert(f.cancellation_caught)
end)
check('tcp dial bad endpoint', function()
    assert(not pcall(ip.tcp.dial, '127.0.0.1'))
end)
check('udp dial to broadcast (EACCES)', function()
    local ok, e = pcall(ip.udp.dial, '255.255.255.255:9')
    assert(not ok and e.code == 13, tostring(e))
end)
check('udp dial', function()
    ip.udp.dial('127.0.0.1:9'):close()
end)
