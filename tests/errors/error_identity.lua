-- error(e) with an error table raises that very table.
local e = require('generic_error').EPIPE
e.context = 'x'
local ok, got = pcall(error, e)
print(ok, rawequal(got, e), got.context, got)
