-- system.spawn's argument errors: each names the field (EINVAL, arg 1).
local system = require 'system'
local filesystem = require 'filesystem'
local h = require './helpers'

local closed = filesystem.open(filesystem.path.new('/'), {'path'})
closed:close()
local sh = {'sh', '-c', 'true'}
for _, opts in ipairs{
    {},
    {program = 42},
    {program = ''},
    {program = 'a\0b'},
    {program = closed},
    {program = 'sh', arguments = 'sh'},
    {program = 'sh', arguments = {'sh', 1}},
    {program = 'sh', environment = {A = 1}},
    {program = 'sh', environment = {['A=B'] = 'x'}},
    {program = 'sh', environment = {A = '\0pid', B = '\0pid'}},
    {program = 'sh', stdin = 'inherit'},
    {program = 'sh', stdout = 1},
    {program = 'sh', extra_fds = {[2] = closed}},
    {program = 'sh', extra_fds = {[10] = 1}},
    {program = 'sh', signal_on_gcreaper = -1},
    {program = 'sh', scheduler = {policy = 'fast'}},
    {program = 'sh', scheduler = {policy = 'fifo'}},
    {program = 'sh', scheduler = {reset_on_fork = true}},
    {program = 'sh', start_new_session = 1},
    {program = 'sh', set_ctty = 0},
    {program = 'sh', process_group = -1},
    {program = 'sh', foreground = 'stdin'},
    {program = 'sh', foreground = 'stdin', stdin = 'share'},
    {program = 'sh', ruid = -1},
    {program = 'sh', euid = 'root'},
    {program = 'sh', extra_groups = {'wheel'}},
    {program = 'sh', set_no_new_privs = 'yes'},
    {program = 'sh', seccomp_set_mode_filter = byte_span.new(7)},
    {program = 'sh', seccomp_set_mode_filter = 'bpf'},
    {program = 'sh', landlock_restrict_self = 3},
    {program = 'sh', umask = 512},
    {program = 'sh', working_directory = '/tmp'},
    {program = 'sh', pdeathsig = 65},
    {program = 'sh', setns_user = 3},
} do
    print(h.try(system.spawn, opts))
end
print(h.try(system.spawn))
print(h.try(system.spawn, 'sh'))
