-- A TLS client and, to talk to, an echo server in another fiber, on
-- loopback.  The client trusts the test CA and checks the server's name.
local ip = require 'ip'
local tls = require 'tls'
local dir = require('system').arguments[3]

-- the server: its certificate chain and key
local server_ctx = tls.context.new('tls_server')
server_ctx:use_certificate_chain_file(dir .. '/chain.pem')
server_ctx:use_private_key_file(dir .. '/server.key', 'pem')
local acceptor = ip.tcp.listen('127.0.0.1:0')

local server = spawn(function()
    local sock = tls.socket.new(acceptor:accept(), server_ctx)
    sock:server_handshake()
    local buf = byte_span.new(1024)
    while true do
        local ok, n = pcall(sock.read_some, sock, buf)
        if not ok then break end           -- the client closed the session
        sock:write_some(buf:sub(1, n))
    end
    sock:shutdown()
end)

-- the client: tls.dial resolves, connects, then checks the certificate
-- against the CA and the name "localhost" during the handshake
local ctx = tls.context.new('tls_client')
ctx:load_verify_file(dir .. '/ca.pem')
local sock = tls.dial('localhost:' .. acceptor.local_port, ctx)

for _, msg in ipairs{'hello', 'encrypted world'} do
    sock:write_some(byte_span.append(msg))
    local buf = byte_span.new(64)
    print(tostring(buf:sub(1, sock:read_some(buf))))
end
sock:shutdown()                            -- close_notify, both ways
sock:close()
server:join()
print('done')
