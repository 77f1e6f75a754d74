-- Errors of one category share one category value; categories compare
-- with == and differ between categories.
local ge = require 'generic_error'
local a, b = ge.EINVAL.category, ge.EPIPE.category
print(a == b, rawequal(a, b))
local ok, e = pcall(require, './no_such_module')
print(a == e.category, tostring(e.category))
print(getmetatable(a) ~= nil, type(getmetatable(a)))
