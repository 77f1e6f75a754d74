-- set_ctty: a child in a new session takes a pseudo-terminal as its
-- controlling terminal; set_ctty without start_new_session and
-- foreground on a terminal that is not ours fail.
local system = require 'system'
local filesystem = require 'filesystem'
local h = require './helpers'
local ffi = require 'ffi'
ffi.cdef[[
int posix_openpt(int flags);
int grantpt(int fd);
int unlockpt(int fd);
char *ptsname(int fd);
int close(int fd);
]]
local C = ffi.C
local master = C.posix_openpt(2 + 0x100 + 0x80000) -- O_RDWR|O_NOCTTY|O_CLOEXEC
if master < 0 or C.grantpt(master) ~= 0 or C.unlockpt(master) ~= 0 then
    print('no pseudo-terminals here')
    system.exit(77)
end
local slave_name = ffi.string(C.ptsname(master))
local slave = filesystem.open(filesystem.path.new(slave_name),
                              {'read_write'})

-- the child's controlling terminal is the one its stdin names
local p, out = h.capture{
    program = 'sh', start_new_session = true, set_ctty = slave,
    arguments = {'sh', '-c', '[ "$(ps -o tty= -p $$)" = "$0" ] && ' ..
                 'echo ctty set', (slave_name:gsub('^/dev/', ''))}}
p:wait()
print(out)
print(h.try(system.spawn, {program = 'true', set_ctty = slave}))
print(h.try(h.sh, 'true', {process_group = 0, foreground = slave}))
C.close(master)
