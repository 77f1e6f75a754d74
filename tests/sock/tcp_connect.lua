-- connect: a socket never opened is opened for the address's family; a
-- refused connection is the system error ECONNREFUSED; a fiber canceled
-- while its connect is in progress closes the socket (as Boost.Asio
-- does).
local ip = require 'ip'
local u = require './lib/util'
local a = ip.tcp.listen('127.0.0.1:0')
local port = a.local_port

local s = ip.tcp.socket.new()
s:connect(ip.address.loopback_v4(), port)
print('opened by connect', s.is_open, s.remote_port == port)
local t = a:accept()
t:close()
s:close()

-- an explicitly opened socket, bound first
s = ip.tcp.socket.new()
s:open('v4')
s:bind('127.0.0.1', 0)
local bound = s.local_port
s:connect('127.0.0.1', port)
print('bound port kept', s.local_port == bound)
a:accept():close()
s:close()

-- the wrong family
s = ip.tcp.socket.new()
s:open('v6')
u.try('v6 socket to v4 address', s.connect, s, ip.address.loopback_v4(), port)
s:close()

-- refused: close the acceptor, its port is free now
a:close()
s = ip.tcp.socket.new()
local ok, e = pcall(s.connect, s, ip.address.loopback_v4(), port)
print('refused', ok, u.describe(e), e:togeneric() == require('generic_error').ECONNREFUSED)
s:close()

-- canceled in progress
a = ip.tcp.listen('127.0.0.1:0')
s = ip.tcp.socket.new()
local f = spawn(function()
    s:connect(ip.address.loopback_v4(), a.local_port)
    print('not reached')
end)
this_fiber.yield()
f:cancel()
f:join()
print('connect canceled', f.cancellation_caught, 'open:', s.is_open)
-- the socket can be connected again
s:connect(ip.address.loopback_v4(), a.local_port)
print('reconnected', s.is_open)
