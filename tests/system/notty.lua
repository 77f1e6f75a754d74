-- The runner's stdio are /dev/null and a file: no terminal anywhere.
local system = require 'system'
local h = require './helpers'
print(system.in_:isatty(), system.out:isatty(), system.err:isatty())
h.try(system.in_.tcgetpgrp, system.in_)
h.try(system.out.tcsetpgrp, system.out, system.getpgrp())
h.try(system.err.tcsetpgrp, system.err, 'x')
h.try(system.err.tcsetpgrp, system.err)
