-- A server's tls.context: its certificate chain and key, and client
-- certificates checked against its own CA.
local tls = require 'tls'
local dir = require('system').arguments[3]

local ctx = tls.context.new('tls_server')
ctx:set_options{'no_tlsv1', 'no_tlsv1_1'}
ctx:use_certificate_chain_file(dir .. '/chain.pem')
ctx:use_private_key_file(dir .. '/server.key', 'pem')
ctx:load_verify_file(dir .. '/ca.pem')
ctx:set_verify_mode('peer')
print('server context ready')

-- An encrypted key asks the password callback for its passphrase.
ctx:set_password_callback(function(max_length, purpose)
    print('passphrase wanted', purpose)
    return 'secret'
end)
ctx:use_private_key_file(dir .. '/encrypted.key', 'pem')

-- Failures are error values: a missing file is a system error.
local ok, err = pcall(ctx.load_verify_file, ctx, dir .. '/missing.pem')
print(ok, err.category, err:togeneric() == require('generic_error').ENOENT)
