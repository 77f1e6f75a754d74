-- A bundled app that needs the tls module, a shared object of the runtime.
local tls = require 'tls'
local ctx = tls.context.new('tls_client')
print('tls context:', getmetatable(ctx))
