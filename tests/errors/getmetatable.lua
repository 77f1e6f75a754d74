-- The metatable of error tables is hidden.
local ge = require 'generic_error'
local e = ge.EINVAL
print(getmetatable(e))
local ok, m = pcall(require, './no_such_module')
print(getmetatable(m))
print(pcall(setmetatable, e, {}))
