-- A new process group led by the process itself, then back to the old
-- one (same session, so both moves are allowed).
local system = require 'system'
local old = system.getpgrp()
local pid = system.getpid()
system.setpgid(0, 0)
print(system.getpgrp() == pid, system.getpgid(0) == pid)
system.setpgid(pid, old)
print(system.getpgrp() == old)
local h = require './helpers'
h.try(system.setpgid, 0, 2147483647)
