-- Opening and closing tls.sockets 1,000 times (failed handshakes 200
-- times), error paths included, leaves the process with the fds it had
-- (/proc/self/fd).
local ip = require 'ip'
local tls = require 'tls'
local ffi = require 'ffi'
local dir = require('system').arguments[3]
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

-- n: handshakes cost a few milliseconds each, so the paths that make
-- them run fewer times
local function check(what, f, n)
    collectgarbage()
    local before = fd_count()
    for i = 1, n or 1000 do f(i) end
    collectgarbage()
    collectgarbage()
    print(what, fd_count() - before)
end

local server_ctx = tls.context.new('tls_server')
server_ctx:use_certificate_chain_file(dir .. '/chain.pem')
server_ctx:use_private_key_file(dir .. '/server.key', 'pem')
local untrusting = tls.context.new('tls_client')
untrusting:set_verify_mode('peer')

local a = ip.tcp.listen('127.0.0.1:0')
local ep = '127.0.0.1:' .. a.local_port
local dead = ip.tcp.listen('127.0.0.1:0')
local dead_ep = '127.0.0.1:' .. dead.local_port
dead:close()

local function pair(ctx)
    local f = spawn(function() return a:accept() end)
    local c = tls.socket.new(ip.tcp.dial(ep), ctx)
    return c, tls.socket.new(f:join(), server_ctx)
end

check('new/close', function()
    local c, s = pair(untrusting)
    c:close()
    s:close()
end)
check('new/dropped', function()
    pair(untrusting)
end)
check('closed tcp socket', function()
    tls.socket.new(ip.tcp.socket.new(), untrusting)
end)
check('handshake fails', function(i)
    local c, s = pair(untrusting)
    local f = spawn(function() pcall(s.server_handshake, s) end)
    pcall(c.client_handshake, c)
    f:join()
    if i % 2 == 0 then c:close() s:close() end
end, 200)
check('dial refused', function()
    pcall(tls.dial, dead_ep, untrusting)
end)
check('dial handshake fails', function()
    local f = spawn(function()
        local s = tls.socket.new(a:accept(), server_ctx)
        pcall(s.server_handshake, s)
    end)
    pcall(tls.dial, ep, untrusting)
    f:join()
end, 200)
