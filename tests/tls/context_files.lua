-- Every loading setter, from files and from memory.
local tls = require 'tls'
local args = require('system').arguments
local d = args[3]
local mem = {}
for i, name in ipairs{'ca', 'cert', 'key', 'chain', 'dh', 'ec'} do
    mem[name] = byte_span.append(args[3 + i] .. '\n')
end

local c = tls.context.new('tls_server')
print('load_verify_file', c:load_verify_file(d .. '/ca.pem'))
print('add_verify_path', c:add_verify_path(d .. '/certs'))
print('add_certificate_authority', c:add_certificate_authority(mem.ca))
print('use_certificate_file pem', c:use_certificate_file(d .. '/server.pem',
                                                         'pem'))
print('use_certificate_file asn1', c:use_certificate_file(d .. '/server.der',
                                                          'asn1'))
print('use_private_key_file pem', c:use_private_key_file(d .. '/server.key',
                                                         'pem'))
print('use_private_key_file asn1',
      c:use_private_key_file(d .. '/server-key.der', 'asn1'))
print('use_rsa_private_key_file', c:use_rsa_private_key_file(
    d .. '/server.key', 'pem'))
print('use_certificate_chain_file',
      c:use_certificate_chain_file(d .. '/chain.pem'))
print('use_tmp_dh_file', c:use_tmp_dh_file(d .. '/dh.pem'))

print('use_certificate', c:use_certificate(mem.cert, 'pem'))
print('use_private_key', c:use_private_key(mem.key, 'pem'))
print('use_rsa_private_key', c:use_rsa_private_key(mem.key, 'pem'))
print('use_certificate_chain', c:use_certificate_chain(mem.chain))
print('use_tmp_dh', c:use_tmp_dh(mem.dh))

-- an EC key is a private key, but no RSA key
print('use_private_key ec', c:use_private_key(mem.ec, 'pem'))
local ok, e = pcall(c.use_rsa_private_key, c, mem.ec, 'pem')
print('use_rsa_private_key ec', ok, e.category, e.arg)
-- a server certificate is no DH parameters
ok, e = pcall(c.use_tmp_dh, c, mem.cert)
print('use_tmp_dh cert', ok, e.category)
