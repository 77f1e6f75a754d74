-- An error at a module's top level is raised in the importer; importing
-- the failed module again raises it again without evaluating it again.
local ok, e = pcall(require, './err/boom')
print(ok, e)
ok, e = pcall(require, './err/boom')
print(ok, e)
