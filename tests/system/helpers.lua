-- Shared by the system tests: raw POSIX calls through the FFI (to build
-- pipes and terminals behind the stdio fds) and a printer for errors.

-- An argument error shows its fields: the generic EINVAL with `arg`, and
-- the runtime's report (func, argname, expected, got).
local function describe(e)
    if type(e) ~= 'table' or (e.arg == nil and e.field == nil) then
        return e
    end
    local s = tostring(e) .. ' | ' .. tostring(e.func) .. ': ' ..
              (e.arg and 'argument #' .. e.arg or 'field ' .. e.field)
    if e.argname then s = s .. ' (' .. e.argname .. ')' end
    if e.expected then
        s = s .. ' must be ' .. e.expected .. ' (got ' .. e.got .. ')'
    end
    return s
end
local ffi = require 'ffi'
ffi.cdef[[
int pipe(int fds[2]);
int dup(int fd);
int dup2(int oldfd, int newfd);
int close(int fd);
long read(int fd, void *buf, size_t n);
long write(int fd, const void *buf, size_t n);
int fcntl(int fd, int cmd, ...);
int posix_openpt(int flags);
int grantpt(int fd);
int unlockpt(int fd);
char *ptsname(int fd);
int open(const char *path, int flags, ...);
int ioctl(int fd, unsigned long req, ...);
]]
local C = ffi.C

O_RDWR, O_NOCTTY, O_NONBLOCK = 2, 256, 2048

function pipe()
    local fds = ffi.new('int[2]')
    assert(C.pipe(fds) == 0)
    return fds[0], fds[1]
end

function dup(fd) return C.dup(fd) end
function dup2(a, b) assert(C.dup2(a, b) == b) end
function close(fd) C.close(fd) end
function write(fd, s) return tonumber(C.write(fd, s, #s)) end

-- nil when the call fails (EAGAIN on an empty nonblocking pipe)
function read(fd, n)
    local buf = ffi.new('char[?]', n)
    local r = tonumber(C.read(fd, buf, n))
    if r < 0 then return nil end
    return ffi.string(buf, r)
end

function set_nonblock(fd)
    local F_GETFL, F_SETFL = 3, 4
    local fl = C.fcntl(fd, F_GETFL)
    assert(C.fcntl(fd, F_SETFL, ffi.cast('int', bit.bor(fl, O_NONBLOCK))) == 0)
end

function is_nonblock(fd)
    return bit.band(C.fcntl(fd, 3), O_NONBLOCK) ~= 0
end

-- A new pseudo-terminal: master fd, slave fd.
function openpty()
    local m = C.posix_openpt(O_RDWR + O_NOCTTY)
    assert(m >= 0 and C.grantpt(m) == 0 and C.unlockpt(m) == 0)
    local s = C.open(C.ptsname(m), O_RDWR + O_NOCTTY)
    assert(s >= 0)
    return m, s
end

-- Makes fd the controlling terminal of the calling session leader.
function set_ctty(fd)
    local TIOCSCTTY = 0x540E
    assert(C.ioctl(fd, TIOCSCTTY, ffi.cast('int', 0)) == 0)
end

-- Prints the outcome of pcall(f, ...): the values, or the error (a string
-- or an error table's category, code and message).
function try(f, ...)
    local r = {pcall(f, ...)}
    if r[1] then
        print('ok', unpack(r, 2))
    elseif type(r[2]) == 'table' then
        local e = r[2]
        if e.arg then
            print('error', tostring(e.category), e.code, describe(e))
        else
            print('error', tostring(e.category), e.code, tostring(e))
        end
    else
        print('error', r[2])
    end
end
