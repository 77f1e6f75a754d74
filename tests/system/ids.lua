local system = require 'system'
local h = require './helpers'
local pid = system.getpid()
print('getpid', type(pid), pid > 1)
print('getppid is the shell', system.getppid() == tonumber(system.environment.PARENT))
print('getpgid(0) == getpgrp()', system.getpgid(0) == system.getpgrp())
print('getpgid(pid) == getpgrp()', system.getpgid(pid) == system.getpgrp())
print('getsid(0) == getsid(pid)', system.getsid(0) == system.getsid(pid))
print('getsid(ppid) == getsid(0)', system.getsid(system.getppid()) == system.getsid(0))
h.try(system.getpgid, 2147483647)
h.try(system.getsid, 2147483647)
