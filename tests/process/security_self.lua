-- The calling process restricts itself: a dropped capability makes a
-- privileged call fail, then no_new_privs, a seccomp filter and a
-- Landlock ruleset each take effect on the runtime itself.
local system = require 'system'
local filesystem = require 'filesystem'
local generic_error = require 'generic_error'
local h = require './helpers'

if not system.cap_get_proc():get_flag('cap_setuid', 'effective') then
    print('needs CAP_SETUID')
    system.exit(77)
end

local caps = system.cap_get_proc()
caps:set_flag('effective', {'cap_setuid'}, false)
caps:set_proc()
print(tostring(system.cap_get_proc()) == tostring(caps))
print(h.try(system.setresuid, 65534, -1, -1))

system.set_no_new_privs()
local f = system.seccomp_filter.new{default_action = 'allow'}
f:deny({'mkdir', 'mkdirat'}, generic_error.EPERM)
system.seccomp_set_mode_filter(f:export())
print(h.try(filesystem.create_directory,
            filesystem.path.new('/tmp/never-made-' .. system.getpid())))

local rules = system.landlock_ruleset({
    {filesystem.path.new('/usr'), {'read_file'}}}, {'read_file'})
system.landlock_restrict_self(rules)
print(h.try(filesystem.open, filesystem.path.new('/etc/passwd'),
            {'read_only'}))
print(h.try(filesystem.open, filesystem.path.new('/usr/bin/env'),
            {'read_only'}))

print(h.try(system.seccomp_set_mode_filter, byte_span.new(12)),
      h.try(system.seccomp_set_mode_filter, 'x'),
      h.try(system.landlock_restrict_self, 3))
print(h.try(system.landlock_create_ruleset, {handled_access_fs = {'fly'}}),
      h.try(system.landlock_create_ruleset, nil, {'versions'}),
      h.try(system.landlock_add_rule, rules, 'net_port', {}),
      h.try(system.landlock_add_rule, rules, 'path_beneath',
            {allowed_access = {'read_file'}, parent_fd = 'x'}))
print(h.try(system.landlock_ruleset, {{'/usr', {'read_file'}}}),
      h.try(system.landlock_ruleset, {{filesystem.path.new('/usr'),
                                       {'nope'}}}))
