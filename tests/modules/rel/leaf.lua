-- A file module is a leaf: it has no children.
local ok, e = pcall(require, './value')
print('leaf ./value:', ok, e, e.module)
