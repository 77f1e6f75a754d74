-- fiber:cancel() on a fiber suspended in a handshake or a read: it stops
-- waiting and the operation has not happened, so the socket still works.
-- close() aborts pending operations with operation_aborted.  A canceled
-- tls.dial leaves nothing behind.
local ip = require 'ip'
local tls = require 'tls'
local dir = require('system').arguments[3]

local server_ctx = tls.context.new('tls_server')
server_ctx:use_certificate_chain_file(dir .. '/chain.pem')
server_ctx:use_private_key_file(dir .. '/server.key', 'pem')
local client_ctx = tls.context.new('tls_client')
client_ctx:load_verify_file(dir .. '/ca.pem')
client_ctx:set_verify_mode('peer')

local acceptor = ip.tcp.listen('127.0.0.1:0')
local port = acceptor.local_port

local function canceled(f)
    f:cancel()
    f:join()
    return f.cancellation_caught
end

-- A server handshake waiting for a client that has not spoken yet.
local client_tcp
local f = spawn(function() client_tcp = ip.tcp.dial('127.0.0.1:' .. port) end)
local server = tls.socket.new(acceptor:accept(), server_ctx)
f:join()
local client = tls.socket.new(client_tcp, client_ctx)
f = spawn(function() server:server_handshake() end)
this_fiber.yield()
print('server handshake canceled', canceled(f))

-- The client handshake then waits for the server, and is canceled too.
f = spawn(function() client:client_handshake() end)
this_fiber.yield()
print('client handshake canceled', canceled(f))

-- Both resume where they stopped.
f = spawn(function() server:server_handshake() end)
client:client_handshake()
f:join()
print('handshakes done')

-- A read with nothing to read, canceled: no byte is lost.
f = spawn(function() client:read_some(byte_span.new(8)) end)
this_fiber.yield()
print('read canceled', canceled(f))
server:write_some(byte_span.append('still here'))
local buf = byte_span.new(16)
print(tostring(buf:sub(1, client:read_some(buf))))

-- close() and cancel() abort what waits.
local e1, e2
f = spawn(function()
    e1 = select(2, pcall(client.read_some, client, byte_span.new(8)))
end)
local g = spawn(function()
    e2 = select(2, pcall(server.read_some, server, byte_span.new(8)))
end)
this_fiber.yield()
client:cancel()
server:close()
f:join()
g:join()
local aborted = require('asio_error').basic.operation_aborted
print('cancel', e1 == aborted, 'close', e2 == aborted)
print(pcall(server.read_some, server, byte_span.new(8)))
client:close()

-- A tls.dial canceled in its handshake.
f = spawn(function() tls.dial('127.0.0.1:' .. port, client_ctx) end)
local peer = acceptor:accept()
print('dial canceled', canceled(f))
peer:close()
