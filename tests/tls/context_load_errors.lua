-- OpenSSL's failures: system errors for files that cannot be opened,
-- asio.ssl errors for contents it cannot read.
local tls = require 'tls'
local ge = require 'generic_error'
local c = tls.context.new('tls')
local function try(name, ...)
    local ok, e = pcall(c[name], c, ...)
    print(name, ok, e.category, e:togeneric() == ge.ENOENT,
          type(tostring(e)))
end
try('load_verify_file', '/nonexistent/ca.pem')
try('use_certificate_file', '/nonexistent/cert.pem', 'pem')
try('use_private_key_file', '/nonexistent/key.pem', 'pem')
try('use_rsa_private_key_file', '/nonexistent/key.pem', 'pem')
try('use_certificate_chain_file', '/nonexistent/chain.pem')
try('use_tmp_dh_file', '/nonexistent/dh.pem')
local junk = byte_span.append('-----BEGIN CERTIFICATE-----\nAAAA\n')
try('add_certificate_authority', junk)
try('use_certificate', junk, 'pem')
try('use_certificate', junk, 'asn1')
try('use_certificate_chain', junk)
try('use_private_key', junk, 'pem')
try('use_rsa_private_key', junk, 'asn1')
try('use_tmp_dh', junk)
try('add_certificate_authority', byte_span.new(0))
