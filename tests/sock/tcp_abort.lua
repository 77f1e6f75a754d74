-- cancel() and close() end the pending operations with
-- operation_aborted (ECANCELED through togeneric()); after cancel() the
-- socket stays usable, after close() it is closed.
local ip = require 'ip'
local asio_error = require 'asio_error'
local generic_error = require 'generic_error'
local u = require './lib/util'
local c, s = u.tcp_pair()

local function reader(sock)
    return spawn(function()
        local ok, e = pcall(sock.read_some, sock, byte_span.new(10))
        print('reader', ok, e == asio_error.basic.operation_aborted,
              e:togeneric() == generic_error.ECANCELED)
    end)
end

local f1, f2 = reader(s), reader(s)
this_fiber.yield()
s:cancel()
f1:join()
f2:join()
c:write_some('still works')
local buf = byte_span.new(20)
print(u.text(buf, s:read_some(buf)))

local f3 = reader(s)
this_fiber.yield()
s:close()
f3:join()
print('closed', s.is_open)

-- an acceptor too
local a = ip.tcp.acceptor.new()
a:open('v4')
a:bind('127.0.0.1', 0)
a:listen()
local g = spawn(function()
    local ok, e = pcall(a.accept, a)
    print('accept', ok, e == asio_error.basic.operation_aborted)
end)
this_fiber.yield()
a:cancel()
g:join()
g = spawn(function()
    local ok, e = pcall(a.accept, a)
    print('accept', ok, e == asio_error.basic.operation_aborted)
end)
this_fiber.yield()
a:close()
g:join()
print('acceptor closed', a.is_open)
