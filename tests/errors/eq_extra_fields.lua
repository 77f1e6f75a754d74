-- == compares code and category only; extra fields are ignored.
local ge = require 'generic_error'
local a, b = ge.EINVAL, ge.EINVAL
a.arg = 1
b.context = 'something else'
print(a == b, b == a)
print(ge.EINVAL == ge.EPIPE, ge.EINVAL ~= ge.EPIPE)
-- the same code in another category is another error
local ok, e = pcall(require, './no_such_module')
local same_code = ge.EINVAL
same_code.code = e.code
print(same_code == e, e.code == same_code.code)
