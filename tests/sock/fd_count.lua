-- Opening and closing each object type 1,000 times, error paths
-- included, leaves the process with the fds it had (/proc/self/fd).
local ip = require 'ip'
local ffi = require 'ffi'
ffi.cdef [[
typedef struct DIR DIR;
struct dirent { uint64_t d_ino; int64_t d_off; unsigned short d_reclen;
                unsigned char d_type; char d_name[256]; };
DIR *opendir(const char *name);
struct dirent *readdir(DIR *dirp);
int closedir(DIR *dirp);
]]
local function fd_count()
    local d = ffi.C.opendir('/proc/self/fd')
    local n = 0
    while ffi.C.readdir(d) ~= nil do n = n + 1 end
    ffi.C.closedir(d)
    return n
end

local lo = ip.address.loopback_v4()
local N = 1000
local function check(what, f)
    collectgarbage()
    local before = fd_count()
    for i = 1, N do f(i) end
    collectgarbage()
    collectgarbage()
    print(what, fd_count() - before)
end

local a = ip.tcp.listen('127.0.0.1:0')
local port = a.local_port
local dead = ip.tcp.listen('127.0.0.1:0')
local dead_port = dead.local_port
dead:close()

check('tcp socket open/close', function()
    local s = ip.tcp.socket.new()
    s:open('v4')
    s:close()
end)
check('tcp socket dropped', function()
    ip.tcp.socket.new():open('v6')
end)
check('tcp connect/accept/close', function()
    local f = spawn(function() return a:accept() end)
    local s = ip.tcp.socket.new()
    s:connect(lo, port)
    f:join():close()
    s:close()
end)
check('tcp connect refused', function()
    local s = ip.tcp.socket.new()
    pcall(s.connect, s, lo, dead_port)
    s:close()
end)
check('tcp connect canceled', function()
    local s = ip.tcp.socket.new()
    local f = spawn(function() s:connect(lo, port) end)
    this_fiber.yield()
    f:cancel()
    f:join()
    s:close()
end)
-- the connections the canceled connects made
a:close()
a = ip.tcp.listen('127.0.0.1:0')
port = a.local_port
check('tcp bad arguments', function()
    local s = ip.tcp.socket.new()
    pcall(s.open, s, 'v9')
    pcall(s.connect, s, 'x', 1)
    s:open('v4')
    pcall(s.bind, s, lo, -5)
    pcall(s.open, s, 'v4')
    s:close()
end)
check('tcp release', function()
    local s = ip.tcp.socket.new()
    s:open('v4')
    local fd = s:release()
    local t = ip.tcp.socket.new()
    t:assign('v4', fd)
    t:close()
end)
check('tcp dial', function()
    local f = spawn(function() return a:accept() end)
    ip.tcp.dial('127.0.0.1:' .. port):close()
    f:join():close()
end)
check('tcp dial refused', function()
    pcall(ip.tcp.dial, '127.0.0.1:' .. dead_port)
end)
check('acceptor listen/close', function()
    ip.tcp.listen('127.0.0.1:0'):close()
end)
check('acceptor in use', function()
    pcall(ip.tcp.listen, '127.0.0.1:' .. port)
end)
check('acceptor dropped', function()
    local b = ip.tcp.acceptor.new()
    b:open(lo)
    pcall(b.open, b, lo)
end)
check('udp open/close', function()
    local s = ip.udp.socket.new()
    s:open('v4')
    s:bind(lo, 0)
    s:close()
end)
check('udp dial', function()
    ip.udp.dial('127.0.0.1:9'):close()
end)
check('udp bad arguments', function()
    local s = ip.udp.socket.new()
    s:open('v4')
    pcall(s.send_to, s, 'x', lo, 70000)
    pcall(s.bind, s, 'bad', 0)
end)
a:close()
