-- Each newns_* flag alone, then all together: the worker reports which of
-- its /proc/self/ns links differ from its parent's; with newns_pid it is
-- not PID 1 itself (a small PID 1 runs above it) but sees a low pid.
local inbox = require 'inbox'
local fs = require 'filesystem'
local system = require 'system'

local kinds = { 'uts', 'ipc', 'pid', 'user', 'net', 'mnt' }
local function links()
    local t = {}
    for _, k in ipairs(kinds) do
        t[k] = tostring(fs.read_symlink(fs.path.new('/proc/self/ns/' .. k)))
    end
    return t
end

if _CONTEXT == 'worker' then
    local m = inbox:receive()
    local mine = links()
    local differ = {}
    for _, k in ipairs(kinds) do
        if mine[k] ~= m[k] then differ[#differ + 1] = k end
    end
    m.reply:send{ differ = table.concat(differ, ' '),
                  low_pid = system.getpid() < 10 }
    return
end

-- namespaces other than the user one need root (or skip)
local ok, probe = pcall(spawn_vm, { module = _FILE,
                                   subprocess = { newns_net = true } })
if not ok then system.exit(77) end
probe:kill()

local order = { 'newns_uts', 'newns_ipc', 'newns_pid', 'newns_user',
                'newns_net', 'newns_mount' }
local function run(sub, label)
    local ok, ch = pcall(spawn_vm, { module = _FILE, subprocess = sub })
    if not ok then
        print(label, 'spawn failed', ch)
        return
    end
    local m = links()
    m.reply = inbox
    ch:send(m)
    local r = inbox:receive()
    print(label, '[' .. r.differ .. ']', 'low pid', r.low_pid)
end
run({}, 'none')
for _, f in ipairs(order) do
    run({ [f] = true }, f)
end
local all = {}
for _, f in ipairs(order) do all[f] = true end
run(all, 'all')
