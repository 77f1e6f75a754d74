-- setns_uts and setns_net into the namespaces of another child (made by
-- unshare(1)); the user namespace is entered first, which grants the
-- rights for the rest.
local system = require 'system'
local filesystem = require 'filesystem'
local pipe = require 'pipe'
local h = require './helpers'

local r, w = pipe.pair()
local rr, rw = pipe.pair()
local rwfd = rw:release()
local owner = system.spawn{
    program = 'unshare',
    arguments = {'unshare', '-U', '-r', '-u', '-n', '-m', '-i', 'sh', '-c',
                 'hostname inside; echo ready; exec cat'},
    stdin = r:release(), stdout = rwfd,
    environment = {PATH = system.environment.PATH}}
rwfd:close()
local buf = byte_span.new(6)
local ok = pcall(rr.read_some, rr, buf)
if not ok then
    print('unshare cannot make namespaces here')
    system.exit(77)
end
local function ns(kind)
    return filesystem.open(filesystem.path.new('/proc/' .. owner.pid ..
                                               '/ns/' .. kind), {'read_only'})
end
print(h.sh('hostname; tail -n +3 /proc/self/net/dev | cut -d: -f1',
           {setns_user = ns('user'), setns_uts = ns('uts'),
            setns_net = ns('net')}))
-- mount and IPC: the child's namespaces are the owner's
local script = 'for k in mnt ipc; do [ "$(readlink /proc/self/ns/$k)" = ' ..
               '"$(readlink /proc/' .. owner.pid .. '/ns/$k)" ] && ' ..
               'echo "same $k"; done'
print(h.sh(script, {setns_user = ns('user'), setns_mount = ns('mnt'),
                    setns_ipc = ns('ipc')}))
print(h.sh(script))
print(h.try(h.sh, 'true', {setns_net = filesystem.open(
    filesystem.path.new('/proc/self/ns/user'), {'read_only'})}))
w:close()
owner:wait()
