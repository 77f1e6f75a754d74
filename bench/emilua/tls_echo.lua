-- TLS echo against `openssl s_server -rev` (which answers each line with the
-- line reversed), as bench/floor/tls_echo.c: verify the server against the
-- CA given in PEM form and the name "localhost", then ROUNDS round trips of
-- a 64-byte line (63 bytes and "\n"), each reply checked.  Prints ROUNDS.
--   emilua tls_echo.lua PORT CA_PEM_TEXT [ROUNDS]     (default 20000)
local ip = require 'ip'
local stream = require 'stream'
local system = require 'system'
local tls = require 'tls'

local PORT = tonumber(system.arguments[3])
local CA = system.arguments[4]
local ROUNDS = tonumber(system.arguments[5]) or 20000
local LINE = '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_'
local EXPECTED = LINE:reverse() .. '\n'

local ctx = tls.context.new('tls_client')
ctx:add_certificate_authority(byte_span.append(CA))
ctx:set_verify_mode('peer')

local tcp = ip.tcp.socket.new()
tcp:open('v4')
tcp:connect(ip.address.loopback_v4(), PORT)
tcp:set_option('tcp_no_delay', true)
local sock = tls.socket.new(tcp, ctx)
sock:set_server_name('localhost')
sock:set_verify_callback('host_name_verification', 'localhost')
sock:client_handshake()

local msg = byte_span.append(LINE, '\n')
local reply = byte_span.new(#msg)
for r = 1, ROUNDS do
    stream.write_all(sock, msg)
    stream.read_all(sock, reply)
    if not reply:starts_with(EXPECTED) then
        error(('round %d: wrong bytes'):format(r))
    end
end
print(ROUNDS)
