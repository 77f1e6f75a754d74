-- The importer waits until the module's top level has finished.
print('main: importing')
local s = require './susp/slow'
print('main: got', s.value)
