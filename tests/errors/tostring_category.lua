-- Categories print their names; error tables their category's message.
local ge = require 'generic_error'
local e = ge.ENOENT
print(tostring(e), tostring(e.category))
print(e)
local ok, m = pcall(require, './no_such_module')
print(tostring(m), tostring(m.category))
print('code type', type(e.code), 'category type', type(e.category))
