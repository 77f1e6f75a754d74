-- ruid/euid/rgid/egid and extra_groups (needs root), and a child that
-- enters (setns_user) a user namespace made by another child, where our
-- uid is mapped to 1234.
local system = require 'system'
local filesystem = require 'filesystem'
local pipe = require 'pipe'
local h = require './helpers'

if system.getresuid() ~= 0 then
    print('needs root')
    system.exit(77)
end

-- not through sh, which would drop an euid that differs from the ruid
local function status(opts)
    opts.program = '/bin/grep'
    opts.arguments = {'grep', '-E', '^(Uid|Gid|Groups)', '/proc/self/status'}
    local p, out = h.capture(opts)
    p:wait()
    return (out:gsub('%s+', ' '))
end
print(status{ruid = 65534, euid = 65533, rgid = 65532, egid = 65531,
             extra_groups = {65530, 65529}})
print(status{extra_groups = {}})

-- the namespace's owner waits on its stdin; it tells us it is ready
local r, w = pipe.pair()
local rr, rw = pipe.pair()
local rwfd = rw:release()
local owner = system.spawn{
    program = 'unshare',
    arguments = {'unshare', '-U', '--map-user=1234', '--map-group=1234',
                 'sh', '-c', 'echo ready; exec cat'},
    stdin = r:release(), stdout = rwfd,
    environment = {PATH = system.environment.PATH}}
rwfd:close()
local buf = byte_span.new(6)
rr:read_some(buf)
print(tostring(buf:first(5)))
local ns = filesystem.open(filesystem.path.new('/proc/' .. owner.pid ..
                                               '/ns/user'), {'read_only'})
print(h.sh('echo $(id -u) $(id -g)', {setns_user = ns}))
print(h.sh('echo $(id -u)', {setns_user = ns, ruid = 1234, euid = 1234}))
print(h.try(h.sh, 'true', {setns_user = ns, ruid = 5}))
w:close()
owner:wait()
print('owner', owner.exit_code)
