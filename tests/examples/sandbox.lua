-- A worker in its own user and UTS namespaces: the init.script maps the
-- caller's ids to root inside, names the host, drops every capability and
-- sets no_new_privs; then the worker answers requests over its channel.
local inbox = require 'inbox'
local system = require 'system'
local ip = require 'ip'

if _CONTEXT == 'worker' then
    local req = inbox:receive()
    req.reply:send{ host = ip.host_name(), uid = (system.getresuid()),
                    answer = req.x * 2 }
    return
end

local init = string.format([[
    local function put(path, text)
        local fd = C.open(path, C.O_WRONLY)
        write_all(fd, text)
        C.close(fd)
    end
    put('/proc/self/uid_map', '0 %d 1\n')
    put('/proc/self/setgroups', 'deny')
    put('/proc/self/gid_map', '0 %d 1\n')
    C.sethostname('sandboxed')
    set_no_new_privs()
    C.cap_set_proc('=')
]], select(2, system.getresuid()), select(2, system.getresgid()))

local ok, worker = pcall(spawn_vm, {
    module = _FILE,
    subprocess = { newns_user = true, newns_uts = true,
                   init = { script = init } },
})
if not ok then
    print('user namespaces are not available here:', worker)
    system.exit(77)
end
worker:send{ reply = inbox, x = 21 }
local r = inbox:receive()
print('host name inside:', r.host)
print('uid inside:', r.uid)
print('answer:', r.answer)
