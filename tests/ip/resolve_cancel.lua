-- A fiber canceled while it waits for a resolution resumes at once with
-- fiber_canceled; a cancellation already pending stops it from starting.
local ip = require 'ip'
local f = spawn(function()
    ip.tcp.get_address_info('localhost', 80)
    print('not reached')
end)
this_fiber.yield()      -- f is now suspended in the resolver
f:cancel()
print(pcall(f.join, f))
print(f.cancellation_caught)

local g = spawn(function()
    ip.udp.get_name_info(ip.address.loopback_v4(), 53)
    print('not reached')
end)
this_fiber.yield()
g:cancel()
g:join()
print(g.cancellation_caught)

local h = spawn(function()
    this_fiber.disable_cancellation()
    this_fiber.yield()
    this_fiber.restore_cancellation()
    ip.tcp.get_address_info('127.0.0.1', 80, {})
    print('not reached')
end)
this_fiber.yield()
h:cancel()
h:join()
print(h.cancellation_caught)
-- the resolver still works for others
print(#ip.tcp.get_address_info('127.0.0.1', 80, {}))
