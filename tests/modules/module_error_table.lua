-- An error table raised by a module reaches the importer intact.
local ok, e = pcall(require, './err/table')
print(ok, e, e.where, e == require('generic_error').EPIPE)
