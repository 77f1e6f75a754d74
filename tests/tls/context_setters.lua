-- The setters that need no files succeed and return nothing.
local tls = require 'tls'
local c = tls.context.new('tls_client')
print(c:set_default_verify_paths())
print(c:set_options{'default_workarounds', 'no_compression', 'no_sslv2',
                    'no_sslv3', 'no_tlsv1', 'no_tlsv1_1', 'single_dh_use'})
print(c:clear_options{'no_tlsv1_1'})
print(c:set_options{})
for _, m in ipairs{'none', 'peer', 'fail_if_no_peer_cert', 'client_once'} do
    print(m, c:set_verify_mode(m))
end
print(c:set_verify_depth(4))
print(c:set_verify_callback('host_name_verification', 'example.com'))
print(c:set_verify_callback('host_name_verification', '127.0.0.1'))
print(c:set_verify_callback('host_name_verification', '::1'))
print(c:set_password_callback(function() return 'x' end))
