-- The entry module is the root: it has no siblings.
local ok, e = pcall(require, '../value')
print(ok, e, e.module, e.category)
