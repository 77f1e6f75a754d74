-- pdeathsig: the child is signaled when we die.  It reports the signal
-- on the shared stderr (our stdout and stderr go to the .cmd's pipe);
-- we wait for it to be ready, then end without the runtime's cleanup.
local system = require 'system'
local pipe = require 'pipe'

local r, w = pipe.pair()
local wfd = w:release()
system.spawn{program = '/bin/sh', arguments = {'sh', '-c',
    "trap 'echo got SIGUSR1 >&2; kill $!; exit' USR1; " ..
    'sleep 30 >/dev/null 2>&1 & echo ready; wait'},
    stdout = wfd, stderr = 'share', pdeathsig = system.signal.SIGUSR1,
    signal_on_gcreaper = 0}
wfd:close()
local buf = byte_span.new(6)
r:read_some(buf)
print(tostring(buf:first(5)))
system.exit(0, {force = 2})
