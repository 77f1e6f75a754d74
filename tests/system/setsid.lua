-- The runner's shell starts emilua in its own process group, so emilua is
-- no group leader and may start a session; a session leader may not.
local system = require 'system'
local h = require './helpers'
local sid = system.setsid()
print(sid == system.getpid(), system.getsid(0) == sid,
      system.getpgrp() == sid)
h.try(system.setsid)
h.try(system.setpgid, 0, 0)       -- a session leader cannot move
