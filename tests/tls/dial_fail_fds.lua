-- A failed or canceled tls.dial closes its socket at once, not at the
-- next garbage collection (the collector is stopped here, so an fd left
-- to it would show in /proc/self/fd).
local ip = require 'ip'
local tls = require 'tls'
local fs = require 'filesystem'

local function fd_count()
    local n = 0
    for _ in fs.directory_iterator(fs.path.new('/proc/self/fd')) do
        n = n + 1
    end
    return n
end

local N = 50
local ctx = tls.context.new('tls_client')
collectgarbage()
collectgarbage('stop')
local function check(what, f)
    local before = fd_count()
    for i = 1, N do f(i) end
    print(what, fd_count() - before)
end

local a = ip.tcp.listen('127.0.0.1:0')
local ep = '127.0.0.1:' .. a.local_port
local dead = ip.tcp.listen('127.0.0.1:0')
local dead_ep = '127.0.0.1:' .. dead.local_port
dead:close()

check('refused', function()
    assert(not pcall(tls.dial, dead_ep, ctx))
end)
-- the peer is no TLS server: it hangs up at once
check('handshake fails', function()
    local f = spawn(function() a:accept():close() end)
    assert(not pcall(tls.dial, ep, ctx))
    f:join()
end)
-- canceled while the handshake waits for the peer's reply
check('handshake canceled', function()
    local peer
    local g = spawn(function() peer = a:accept() end)
    local f = spawn(function() tls.dial(ep, ctx):close() end)
    g:join()
    this_fiber.yield()
    f:cancel()
    f:join()
    assert(f.cancellation_caught)
    peer:close()
end)
a:close()
