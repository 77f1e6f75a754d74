-- libc_service's objects: state before a request, bad arguments, the
-- replies' checks, cancellation of receive(), a consumed slave, and a
-- hostile slave writing garbage (the master gets EBADMSG, both live).
local system = require 'system'
local libc_service = require 'libc_service'
local generic_error = require 'generic_error'

local function try(label, f, ...)
    local r = {pcall(f, ...)}
    if r[1] then
        for i = 2, #r do r[i] = tostring(r[i]) end
        print(label, 'ok', unpack(r, 2))
    elseif type(r[2]) == 'table' and r[2].arg then
        print(label, 'bad argument #' .. r[2].arg, tostring(r[2]))
    else
        print(label, tostring(r[2]))
    end
end

local master, slave = libc_service.new()
print(getmetatable(master), getmetatable(slave))
print('before a request', master.function_, select('#', master:arguments()),
      select('#', master:descriptors()))
try('send with no request', master.send, master, 0)
try('use_slave_credentials with no request', master.use_slave_credentials,
    master)
try('receive bad self', master.receive, slave)
try('filter', function() slave.open = 'return 0' end)
try('filter bad name', function() slave.fopen = 'return 0' end)
try('filter bad source', function() slave.open = 42 end)

-- fiber:cancel() of a pending receive: nothing was taken
local f = spawn(function() try('canceled receive', master.receive, master) end)
this_fiber.yield()
f:cancel()
f:join()

-- a program (cat) asks to open a file through the service
local p = system.spawn{
    program = 'cat', arguments = {'cat', '/nonexistent/x'},
    environment = {LD_PRELOAD = system.environment.LCS_SO,
                   EMILUA_LIBC_SERVICE_FD = '3'},
    extra_fds = {[3] = slave}}
try('slave consumed', system.spawn,
    {program = 'true', extra_fds = {[3] = slave}})
master:receive()
print('request', master.function_, master:arguments())
try('receive while one is pending', master.receive, master)
try('send bad result', master.send, master, 'x')
try('send bad errno', master.send, master, -1, -5)
try('send bad errno table', master.send, master, -1, {})
try('send_with_fds two fds', master.send_with_fds, master, 0, {1, 2})
try('send_with_fds not fds', master.send_with_fds, master, 0, {true})
try('send', master.send, master, -1, generic_error.ENOENT)
try('send twice', master.send, master, -1, 2)
try('receive at the end', master.receive, master)
p:wait()
print('cat exit', p.exit_code)

-- garbage from the slave's end breaks the service on the master's side
master, slave = libc_service.new()
p = system.spawn{program = 'sh', arguments = {'sh', '-c', 'echo garbage >&3'},
                 extra_fds = {[3] = slave}}
try('garbage', master.receive, master)
try('after garbage', master.receive, master)
p:wait()
print('writer exit', p.exit_code)

-- closing the master ends a pending receive
master, slave = libc_service.new()
f = spawn(function() try('receive aborted by close', master.receive, master) end)
this_fiber.yield()
master:close()
f:join()
print('is_open', master.is_open)
