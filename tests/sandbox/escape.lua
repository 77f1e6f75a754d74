-- A sandbox escape test.  The sandbox: every namespace, an empty tmpfs
-- root, no_new_privs and no capabilities.  Each attempt to reach the host
-- (read a host file, see the parent's pid, reach a TCP listener of the
-- parent on 127.0.0.1, signal the parent, mount, set the hostname, create
-- a device node) must fail there, and must succeed in a control child
-- without the sandbox, so that no line passes vacuously.  The control
-- that mounts, names the host and makes a device does it in its own mount
-- and UTS namespaces, as root, so the host is left alone.
local inbox = require 'inbox'
local ip = require 'ip'
local system = require 'system'
local unix = require 'unix'
local file = require 'file'
local fs = require 'filesystem'
local stream = require 'stream'

local guest_code = [[
    local inbox = require 'inbox'
    local ip = require 'ip'
    local system = require 'system'
    local file = require 'file'
    local fs = require 'filesystem'
    local m = inbox:receive()
    local r = {}
    r.read = pcall(function()
        local f = file.stream.new()
        f:open(fs.path.new(m.file), {'read_only'})
        f:close()
    end)
    r.pids = fs.exists(fs.path.new('/proc/' .. m.ppid))
    r.tcp = pcall(function()
        local s = ip.tcp.socket.new()
        s:connect(ip.address.loopback_v4(), m.port)
        s:close()
    end)
    r.signal = pcall(system.kill, m.ppid, 0)
    m.reply:send(r)
]]

-- what the init.script tries once the sandbox is complete (or, in the
-- control, in private mount and UTS namespaces with root's capabilities)
local attempts = [[
    errexit = false
    local function try(label, r, e) C.write(arg, label .. ' ' .. r .. ' ' .. e) end
    try('mount', C.mount(nil, '/mnt', 'tmpfs', 0))
    try('hostname', C.sethostname('escaped'))
    try('mknod', C.mknod('/mnt/null', bit.bor(C.S_IFCHR, mode(6, 0, 0)),
                         C.makedev(1, 3)))
    C.close(arg)
]]

local sandbox_init = string.format([[
    local function put(path, text)
        local fd = C.open(path, C.O_WRONLY)
        write_all(fd, text)
        C.close(fd)
    end
    put('/proc/self/uid_map', '0 %d 1\n')
    put('/proc/self/setgroups', 'deny')
    put('/proc/self/gid_map', '0 %d 1\n')
    C.mount(nil, '/', nil, bit.bor(C.MS_PRIVATE, C.MS_REC))
    C.umask(0)
    C.mount(nil, '/mnt', 'tmpfs', 0)
    C.mkdir('/mnt/proc', mode(7, 5, 5))
    C.mount(nil, '/mnt/proc', 'proc', 0)
    C.mkdir('/mnt/tmp', mode(7, 7, 7))
    C.mkdir('/mnt/mnt', mode(7, 5, 5))
    C.chdir('/mnt')
    C.pivot_root('.', '/mnt/mnt')
    C.chroot('.')
    C.umount2('/mnt', C.MNT_DETACH)
    local fd = C.open('/app.lua', bit.bor(C.O_WRONLY, C.O_CREAT), mode(6, 4, 4))
    write_all(fd, %q)
    C.close(fd)
    C.umask(18)
    set_no_new_privs()
    C.cap_set_proc('=')
]], select(2, system.getresuid()), select(2, system.getresgid()), guest_code)
    .. attempts

local control_init = [[
    C.mount(nil, '/', nil, bit.bor(C.MS_PRIVATE, C.MS_REC))
]] .. attempts

-- needs root for the control's namespaces
local ok, probe = pcall(spawn_vm, { module = _FILE,
                                   subprocess = { newns_mount = true } })
if not ok then system.exit(77) end
probe:kill()

local dir = fs.temp_directory_path() / ('emilua-escape-' .. system.getpid())
fs.create_directory(dir)
local guest = file.stream.new()
guest:open(dir / 'guest.lua', {'write_only', 'create', 'truncate'})
stream.write_all(guest, guest_code)
guest:close()

local acceptor = ip.tcp.acceptor.new()
acceptor:open('v4')
acceptor:bind(ip.address.loopback_v4(), 0)
acceptor:listen()

local function run(module, sub, init)
    local shost, sguest = unix.seqpacket.socket.pair()
    sguest = sguest:release()
    sub.init = { script = init, arg = sguest }
    local ch = spawn_vm{ module = module, subprocess = sub }
    sguest:close()
    local r = {}
    local buf = byte_span.new(128)
    while true do
        local ok, n = pcall(shost.receive, shost, buf)
        if not ok then break end
        local label, rc = tostring(buf:first(n)):match('^(%S+) (%S+)')
        r[label] = rc == '0'
    end
    ch:send{ reply = inbox, file = tostring(dir / 'guest.lua'),
             ppid = system.getpid(), port = acceptor.local_port }
    for k, v in pairs(inbox:receive()) do r[k] = v end
    return r
end

local sandbox = run('/app.lua', { newns_user = true, newns_net = true,
                                  newns_mount = true, newns_pid = true,
                                  newns_uts = true, newns_ipc = true },
                    sandbox_init)
local control = run(tostring(dir / 'guest.lua'),
                    { newns_mount = true, newns_uts = true }, control_init)

local labels = {
    { 'read', 'read a host file' },
    { 'pids', "see the parent's pid" },
    { 'tcp', 'connect to a TCP listener of the parent on 127.0.0.1' },
    { 'signal', 'signal the parent' },
    { 'mount', 'mount a tmpfs' },
    { 'hostname', 'set the hostname' },
    { 'mknod', 'create a device node' },
}
for _, l in ipairs(labels) do
    print(l[2] .. ':', 'sandbox ' .. (sandbox[l[1]] and 'ALLOWED' or 'refused'),
          'control ' .. (control[l[1]] and 'allowed' or 'REFUSED'))
end
fs.remove_all(dir)
