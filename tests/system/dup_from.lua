local system = require 'system'
local saved = system.out:dup()
local file = system.get_lowfd(3)
system.out:dup_from(file)
file:close()              -- stdout keeps the file open
print('print into the file')
system.out:write_some('write_some into the file\n')
system.out:dup_from(saved)
print('back on stdout')
