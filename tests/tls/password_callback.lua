-- The password callback gives the passphrase of an encrypted key.  It may
-- not suspend; its errors come out of the setter that loaded the key.
local tls = require 'tls'
local args = require('system').arguments
local file, mem = args[3], byte_span.append(args[4] .. '\n')
local c = tls.context.new('tls_server')

c:set_password_callback(function(max_length, purpose)
    print('asked', type(max_length), max_length > 0, purpose)
    return 'secret'
end)
print('file', c:use_private_key_file(file, 'pem'))
print('memory', c:use_private_key(mem, 'pem'))
print('rsa memory', c:use_rsa_private_key(mem, 'pem'))

c:set_password_callback(function() return 'wrong' end)
local ok, e = pcall(c.use_private_key_file, c, file, 'pem')
print('wrong password', ok, e.category)

c:set_password_callback(function() error('no password here') end)
print('raising', pcall(c.use_private_key, c, mem, 'pem'))

c:set_password_callback(function() return 42 end)
ok, e = pcall(c.use_private_key, c, mem, 'pem')
print('not a string', ok, e == require('generic_error').EINVAL)

c:set_password_callback(function()
    this_fiber.yield()
    return 'secret'
end)
ok, e = pcall(c.use_private_key_file, c, file, 'pem')
print('suspending', ok, tostring(e))
-- suspension is allowed again afterwards
this_fiber.yield()
print('yield ok')

-- text that is no key at all never reaches it
c:set_password_callback(function() print('not reached') end)
ok, e = pcall(c.use_private_key, c, byte_span.append('x'), 'pem')
print('no key', ok, e.category)

-- the callback may not load into its own context
c:set_password_callback(function()
    c:use_private_key(mem, 'pem')
    return 'secret'
end)
ok, e = pcall(c.use_private_key, c, mem, 'pem')
print('reentrant', ok, e == require('generic_error').EBUSY)
