-- A program linked against libemilua-libc-service, under a seccomp filter
-- that makes its own open/openat fail, makes each of the 17 calls once;
-- the master answers each its own way: a file as an fd, a refusal, a
-- rewritten request done by the master, a stat table, getaddrinfo's
-- answers, or the slave's own libc.
local system = require 'system'
local libc_service = require 'libc_service'
local filesystem = require 'filesystem'
local ip = require 'ip'
local generic_error = require 'generic_error'

local dir = system.environment.LCS_DIR
local function rel(p) return (tostring(p):gsub('^' .. dir:gsub('%p', '%%%0'), '$DIR')) end

-- a listener for connect_inet, which the master dials itself
local acceptor = ip.tcp.acceptor.new()
acceptor:open(ip.address.loopback_v4())
acceptor:bind(ip.address.loopback_v4(), 0)
acceptor:listen()
local accepted = spawn(function()
    local s = acceptor:accept()
    local buf = byte_span.new(1)
    s:read_some(buf)
    return tostring(buf)
end)

local master, slave = libc_service.new()
local child = system.spawn{
    program = system.environment.LCS_CLIENT,
    arguments = {'lcs_client', dir, tostring(acceptor.local_port)},
    environment = {EMILUA_LIBC_SERVICE_FD = '3'},
    extra_fds = {[3] = slave},
    stdout = 'share', stderr = 'share'}

local function show(...)
    local out = {master.function_}
    for i = 1, select('#', ...) do
        local v = select(i, ...)
        if type(v) == 'table' then v = '{' .. table.concat(v, ',') .. '}' end
        if v == acceptor.local_port then v = 'PORT' end
        out[#out + 1] = rel(v)
    end
    print('master: ' .. table.concat(out, ' '))
end

local answer = {}
function answer.open(path, flags, mode)
    if not tostring(path):find('denied') then
        master:send_with_fds(0, {filesystem.open(path, flags, mode)})
    else
        master:send(-1, generic_error.EACCES)
    end
end
function answer.openat(path, flags)
    local dirfd = master:descriptors()
    print('master: openat dirfd', dirfd ~= nil, master:descriptors() == nil)
    master:send_with_fds(0, {dirfd:openat(path, flags)})
end
answer.mkdir = function() master:use_slave_credentials() end
answer.rmdir = answer.mkdir
-- rewritten: the master renames to another name itself
function answer.rename(from, to)
    filesystem.rename(from, filesystem.path.new(dir .. '/b'))
    master:send(0)
end
function answer.unlink() master:send(-1, 1) end
function answer.stat(path)
    local tp = filesystem.clock.epoch() + 1700000000.5
    master:send{dev = 1, ino = 2, mode = 416, type = 'regular', nlink = 1,
                uid = 0, gid = 0, rdev = 0, size = filesystem.file_size(path),
                atime = tp, mtime = tp, ctime = tp, blksize = 4096}
end
function answer.lstat() master:send(-1, 2) end
function answer.access() master:send(0) end
answer.eaccess = answer.mkdir
answer.bind_unix = answer.mkdir
answer.connect_unix = answer.mkdir
function answer.connect_inet(addr, port)
    local slave_socket = master:descriptors()
    print('master: connect_inet socket', slave_socket ~= nil)
    local s = ip.tcp.socket.new()
    s:connect(addr, port)
    master:send_with_fds(0, {s:release()})
end
answer.bind_inet = answer.mkdir
function answer.connect_inet6() master:send(-1, 111) end
function answer.bind_inet6() master:send(0) end
function answer.getaddrinfo(node, service, protocol)
    if node == 'host.example' then
        master:send{{ip = ip.address.loopback_v4(), service = 80},
                    {ip = ip.address.loopback_v6(), service = 8080}}
    else
        master:send('noname')
    end
end

while true do
    local ok, err = pcall(master.receive, master)
    if not ok then print('master: receive', err) break end
    show(master:arguments())
    answer[master.function_](master:arguments())
end
print('inet peer wrote', accepted:join())
child:wait()
print('child exit', child.exit_code)
