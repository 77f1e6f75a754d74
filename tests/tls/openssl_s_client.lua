-- A server for a real `openssl s_client`: it prints its port first (the
-- test script waits for that line), answers one line in upper case and
-- closes the TLS session.
local ip = require 'ip'
local tls = require 'tls'
local dir = require('system').arguments[3]

local ctx = tls.context.new('tls_server')
ctx:use_certificate_chain_file(dir .. '/chain.pem')
ctx:use_private_key_file(dir .. '/server.key', 'pem')

local acceptor = ip.tcp.listen('127.0.0.1:0')
print(acceptor.local_port)

local sock = tls.socket.new(acceptor:accept(), ctx)
sock:server_handshake()
local line = ''
while not line:find('\n') do
    local buf = byte_span.new(64)
    line = line .. tostring(buf:sub(1, sock:read_some(buf)))
end
sock:write_some(byte_span.append(line:upper()))
-- s_client may end the TCP connection without its own close_notify.
pcall(sock.shutdown, sock)
sock:close()
print('served')
