-- Imports a while a is still loading (a imported b): a cycle.
print('b: start')
local ok, e = pcall(require, '../a')
print('b: import a', ok, e, e.module, e.category)
name = 'b'
