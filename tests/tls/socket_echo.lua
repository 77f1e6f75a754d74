-- Echo over TLS on loopback with verification on: tls.dial by IP address
-- and by name, tls.socket.new over an ip.tcp.socket, a clean close.
local ip = require 'ip'
local tls = require 'tls'
local dir = require('system').arguments[3]

local server_ctx = tls.context.new('tls_server')
server_ctx:use_certificate_chain_file(dir .. '/chain.pem')
server_ctx:use_private_key_file(dir .. '/server.key', 'pem')

local client_ctx = tls.context.new('tls_client')
client_ctx:load_verify_file(dir .. '/ca.pem')

local acceptor = ip.tcp.listen('127.0.0.1:0')
local port = acceptor.local_port

local function read_string(sock)
    local buf = byte_span.new(64)
    return tostring(buf:sub(1, sock:read_some(buf)))
end

-- Echoes one message, then closes the TLS session cleanly.
local function serve_one()
    local sock = tls.socket.new(acceptor:accept(), server_ctx)
    sock:server_handshake()
    local msg = read_string(sock)
    sock:write_some(byte_span.append(msg))
    sock:shutdown()
    sock:close()
end

local function round_trip(sock, msg)
    print(sock:write_some(byte_span.append(msg)), read_string(sock))
    local ok, err = pcall(sock.read_some, sock, byte_span.new(8))
    print(ok, err == require('asio_error').misc.eof)
    sock:shutdown()
    sock:close()
end

local f = spawn(serve_one)
round_trip(tls.dial('127.0.0.1:' .. port, client_ctx), 'by address')
f:join()

f = spawn(serve_one)
round_trip(tls.dial('localhost:' .. port, client_ctx), 'by name')
f:join()

-- The TCP socket is taken over: closed afterwards.
f = spawn(serve_one)
local tcp = ip.tcp.dial('127.0.0.1:' .. port)
local sock = tls.socket.new(tcp, client_ctx)
print(tcp.is_open)
sock:set_verify_mode('peer')
sock:set_server_name('localhost')
sock:set_verify_callback('host_name_verification', 'localhost')
sock:client_handshake()
round_trip(sock, 'over new()')
f:join()
