-- Handshakes that must fail, with an error value on both sides (no crash,
-- no leak): a client trusting another CA, the default context (the
-- system's CAs), a host name or an address the certificate does not name.
local ip = require 'ip'
local tls = require 'tls'
local dir = require('system').arguments[3]

local server_ctx = tls.context.new('tls_server')
server_ctx:use_certificate_chain_file(dir .. '/chain.pem')
server_ctx:use_private_key_file(dir .. '/server.key', 'pem')

local acceptor = ip.tcp.listen('127.0.0.1:0')
local port = acceptor.local_port

local function serve_one()
    local sock = tls.socket.new(acceptor:accept(), server_ctx)
    local ok, err = pcall(sock.server_handshake, sock)
    return ok, err.category
end

local function try(name, connect)
    local f = spawn(serve_one)
    local ok, err = pcall(connect)
    print(name, ok, err.category, err)
    print('server', f:join())
end

-- trusts a CA, but not the one that signed the server's certificate
local other_ctx = tls.context.new('tls_client')
other_ctx:set_default_verify_paths()

try('other CA', function()
    tls.dial('127.0.0.1:' .. port, other_ctx)
end)
try('default context', function()
    tls.dial('127.0.0.1:' .. port)
end)

local trusting = tls.context.new('tls_client')
trusting:load_verify_file(dir .. '/ca.pem')
trusting:set_verify_mode('peer')
for _, host in ipairs{'example.com', '127.0.0.2', '::1'} do
    try(host, function()
        local sock = tls.socket.new(ip.tcp.dial('127.0.0.1:' .. port),
                                    trusting)
        sock:set_verify_callback('host_name_verification', host)
        sock:client_handshake()
    end)
end

-- Without verification the same server is accepted.
local lax = tls.context.new('tls_client')
local f = spawn(function()
    tls.socket.new(acceptor:accept(), server_ctx):server_handshake()
    print('server', 'done')
end)
local sock = tls.socket.new(ip.tcp.dial('127.0.0.1:' .. port), lax)
sock:set_verify_mode('none')
sock:client_handshake()
f:join()
print('no verification', 'done')
