-- A child ended by a signal: exit_code is 128 + signal; kill() goes
-- through the pidfd, 0 only checks; a reaped child cannot be signaled.
local system = require 'system'
local h = require './helpers'

print(h.sh('kill -9 $$'))

local p = system.spawn{program = 'sleep', arguments = {'sleep', '100'},
                       environment = {PATH = system.environment.PATH}}
p:kill(0)
p:kill(system.signal.SIGTERM)
p:wait()
print(p.exit_code, p.exit_signal == system.signal.SIGTERM, p.pid)
print(h.try(p.kill, p, system.signal.SIGTERM))
print(h.try(p.wait, p))
print(h.try(p.kill, p, -1), h.try(p.kill, p, 'x'), h.try(p.kill, {}, 1))
print(h.try(p.cap_get, p))
