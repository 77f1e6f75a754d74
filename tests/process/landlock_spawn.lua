-- A child restricted by Landlock to reading one directory (and what it
-- needs to run) cannot read outside it.
local system = require 'system'
local filesystem = require 'filesystem'
local h = require './helpers'

local ok, abi = pcall(system.landlock_create_ruleset, nil, {'version'})
if not ok then
    print('no Landlock here')
    system.exit(77)
end
print(type(abi), abi >= 1)

local dir = filesystem.path.new('/tmp/landlock-test-' .. system.getpid())
filesystem.create_directory(dir)
h.sh('echo inside > ' .. tostring(dir) .. '/f')

local read = {'read_file', 'read_dir'}
local rules = system.landlock_ruleset({
    {filesystem.path.new('/usr'), {'read_file', 'read_dir', 'execute'}},
    {filesystem.path.new('/lib'), {'read_file', 'read_dir', 'execute'}},
    {filesystem.path.new('/bin'), {'read_file', 'read_dir', 'execute'}},
    {dir, read},
}, {'read_file', 'read_dir', 'execute'})
print(h.sh('cat ' .. tostring(dir) .. '/f; cat /etc/passwd 2>&1 | ' ..
           'sed "s/.*: //"', {landlock_restrict_self = rules}))
filesystem.remove_all(dir)

-- the raw calls do the same
local fd = system.landlock_create_ruleset{handled_access_fs = {'read_file'}}
system.landlock_add_rule(fd, 'path_beneath', {
    allowed_access = {'read_file'},
    parent_fd = filesystem.open(filesystem.path.new('/usr'), {'path'})})
print(h.sh('head -c0 /usr/bin/sh && echo usr ok; head -c0 /etc/passwd ' ..
           '2>/dev/null || echo etc denied', {landlock_restrict_self = fd}))
