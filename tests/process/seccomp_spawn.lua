-- A child under a filter from system.seccomp_filter: denied mkdir
-- fails with EPERM while the rest works; a kill_process default kills
-- the child with SIGSYS at its first call (the exec).
local system = require 'system'
local generic_error = require 'generic_error'
local h = require './helpers'

local f = system.seccomp_filter.new{default_action = 'allow'}
f:deny({'mkdir', 'mkdirat'}, generic_error.EPERM)
local bpf = f:export()
print(getmetatable(bpf), #bpf % 8)
print(h.sh('mkdir /tmp/seccomp-test-$$ 2>&1 | sed "s/.*: //"; echo still working',
           {set_no_new_privs = true, seccomp_set_mode_filter = bpf}))

local deny_all = system.seccomp_filter.new{default_action = 'kill_process'}
local p = system.spawn{program = '/bin/true', arguments = {'true'},
                       set_no_new_privs = true,
                       seccomp_set_mode_filter = deny_all:export()}
p:wait()
print(p.exit_signal == system.signal.SIGSYS, p.exit_code)

-- argument comparisons: mkdir fails only for mode 0700
local g = system.seccomp_filter.new{default_action = 'allow'}
g:deny('mkdir', generic_error.EACCES, {arg = 1, op = '==', value = 448})
g:deny('mkdirat', generic_error.EACCES, {arg = 2, op = '==', value = 448})
print(h.sh('d=/tmp/seccomp-test-$$; mkdir -m 755 $d.a && echo 755 ok; ' ..
           'mkdir -m 700 $d.b 2>&1 | sed "s/.*: //"; rmdir $d.a',
           {seccomp_set_mode_filter = g:export()}))

-- a rule that kills: mkdir(1) dies of SIGSYS, which its shell reports
local k = system.seccomp_filter.new{default_action = 'allow'}
k:kill({'mkdir', 'mkdirat'})
print(h.sh('echo before; mkdir /tmp/seccomp-test-$$; echo after',
           {seccomp_set_mode_filter = k:export()}))
