-- A subprocess collected before wait(): the runtime sends it
-- signal_on_gcreaper (SIGTERM by default) and reaps it; the process
-- exits only after the child did.
local system = require 'system'
local pipe = require 'pipe'

local r, w = pipe.pair()
local wfd = w:release()
local p = system.spawn{program = '/bin/sh', arguments = {'sh', '-c',
    "trap 'echo child got SIGTERM; kill $!; exit' TERM; " ..
    "sleep 30 >/dev/null 2>&1 & echo ready >&3; wait"},
    stdout = 'share', extra_fds = {[3] = wfd}}
wfd:close()
local buf = byte_span.new(6)
r:read_some(buf)
print(tostring(buf:first(5)))
p = nil
collectgarbage()
collectgarbage()
