-- A new session with a pseudo-terminal as its controlling terminal on
-- stdin and stderr: the terminal functions work, and reads and writes go
-- through it without touching its blocking mode.
local system = require 'system'
local h = require './helpers'
local sid = system.setsid()
local master, slave = h.openpty()
h.set_ctty(slave)
h.dup2(slave, 0)
h.dup2(slave, 2)
h.close(slave)
print('isatty', system.in_:isatty(), system.err:isatty(), system.out:isatty())
print('tcgetpgrp is ours', system.in_:tcgetpgrp() == system.getpgrp())
system.in_:tcsetpgrp(system.getpgrp())
print('tcsetpgrp ok', system.err:tcgetpgrp() == sid)

-- a line typed on the terminal
local reader = spawn(function()
    local buf = byte_span.new(32)
    local n = system.in_:read_some(buf)
    print('read', n, (tostring(buf:sub(1, n)):gsub('\n', '\\n')))
end)
this_fiber.yield()
h.write(master, 'typed\n')
reader:join()

-- output to the terminal arrives on the master side, after the echo
print('wrote', system.err:write_some('shown'))
local seen = ''
while seen:sub(-5) ~= 'shown' do seen = seen .. h.read(master, 64) end
print('master got', (seen:gsub('\r', '\\r'):gsub('\n', '\\n')))
print('tty nonblocking', h.is_nonblock(0))
