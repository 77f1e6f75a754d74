-- The system module: arguments, the standard streams, signals and exit.
local system = require 'system'
local sig = system.signal

-- argv: {emilua binary, script, arguments after the script...}
print('script:', system.arguments[2], 'extra arguments:', #system.arguments - 2)

-- stdout as a stream; print() and write_some() keep their order.
print('print first')
local n = system.out:write_some('then system.out\n')
print('wrote', n, 'bytes')

-- Reading stdin up to the end of file (the runner gives /dev/null).
local asio_error = require 'asio_error'
local ok, err = pcall(system.in_.read_some, system.in_, byte_span.new(64))
print('stdin:', ok, err == asio_error.misc.eof and 'end of file' or err)

-- A fiber waits for SIGUSR1 while another part of the program sends it.
local set = sig.set.new(sig.SIGUSR1)
local waiter = spawn(function()
    local signo = set:wait()
    print('received', signo == sig.SIGUSR1 and 'SIGUSR1' or signo)
end)
this_fiber.yield()                 -- the waiter is now suspended
system.kill(system.getpid(), sig.SIGUSR1)
waiter:join()

-- Ending the program with a status; nothing after this line runs.
system.exit(3)
print('not reached')
