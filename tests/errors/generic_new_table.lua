-- Each access gives a new table: changing one leaves the next untouched.
local ge = require 'generic_error'
local a = ge.EINVAL
a.arg = 3
a.code = 0
local b = ge.EINVAL
print(rawequal(a, b), b.arg, b.code, a.arg, a.code)
print(b == ge.EINVAL, rawequal(ge.EPIPE, ge.EPIPE))
