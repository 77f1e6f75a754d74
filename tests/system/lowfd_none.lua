local system = require 'system'
local h = require './helpers'
for fd = 3, 9 do print(fd, system.get_lowfd(fd)) end
h.try(system.get_lowfd, '3')
h.try(system.get_lowfd)
h.try(system.get_lowfd, 3.5)
