-- A module that does not exist raises an error table naming it.
local ok, e = pcall(require, './no_such_module')
print(ok, type(e), e, e.module, e.category)
ok, e = pcall(require, 'no_such_package')
print(ok, e, e.module)
-- a directory without init.lua is not a module
ok, e = pcall(require, './rel')
print(ok, e, e.module)
