-- The container of the "Linux namespaces" chapter: new user, net, mount,
-- pid, uts and ipc namespaces; uid/gid maps; an empty tmpfs root entered
-- with pivot_root; the module written into the container; root dropped;
-- messages both ways.  Two departures from the chapter, for want of APIs
-- this runtime lacks yet (a `file` module, system.spawn): the child writes
-- its own maps (allowed for its own ids) and the module, and the loopback
-- device is left down.
local inbox = require 'inbox'
local system = require 'system'

local guest_code = [[
    local inbox = require 'inbox'
    local ip = require 'ip'
    local system = require 'system'
    local filesystem = require 'filesystem'

    local ch = inbox:receive().dest
    local entries = {}
    for e in filesystem.directory_iterator(filesystem.path.new('/')) do
        entries[#entries + 1] = tostring(e.path)
    end
    table.sort(entries)
    ch:send{ host = ip.host_name(), pid = system.getpid(),
             uid = (system.getresuid()), root = table.concat(entries, ' ') }
]]

local init_script = string.format([[
    local function put(path, text)
        local fd = C.open(path, C.O_WRONLY)
        write_all(fd, text)
        C.close(fd)
    end
    put('/proc/self/uid_map', '0 %d 1\n')
    put('/proc/self/setgroups', 'deny')
    put('/proc/self/gid_map', '0 %d 1\n')

    -- unshare propagation events
    C.mount(nil, '/', nil, bit.bor(C.MS_PRIVATE, C.MS_REC))

    C.umask(0)
    C.mount(nil, '/mnt', 'tmpfs', 0)
    C.mkdir('/mnt/proc', mode(7, 5, 5))
    C.mount(nil, '/mnt/proc', 'proc', 0)
    C.mkdir('/mnt/tmp', mode(7, 7, 7))

    -- pivot root
    C.mkdir('/mnt/mnt', mode(7, 5, 5))
    C.chdir('/mnt')
    C.pivot_root('.', '/mnt/mnt')
    C.chroot('.')
    C.umount2('/mnt', C.MNT_DETACH)

    local modulefd = C.open('/app.lua', bit.bor(C.O_WRONLY, C.O_CREAT),
                            mode(6, 0, 0))
    write_all(modulefd, %q)
    C.close(modulefd)

    C.sethostname('mycoolhostname')
    C.setdomainname('mycooldomainname')

    -- drop all root privileges
    C.cap_set_proc('=')
]], select(2, system.getresuid()), select(2, system.getresgid()), guest_code)

local my_channel = spawn_vm{
    module = '/app.lua',
    subprocess = {
        newns_user = true,
        newns_net = true,
        newns_mount = true,
        newns_pid = true,
        newns_uts = true,
        newns_ipc = true,
        init = { script = init_script },
    }
}

my_channel:send{ dest = inbox }
local r = inbox:receive()
print('host name', r.host)
print('pid', r.pid)
print('uid', r.uid)
print('root', r.root)
print('host unchanged', ip == nil and require('ip').host_name() ~= r.host)
