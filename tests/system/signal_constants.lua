local system = require 'system'
local sig = system.signal
local names = {
    'SIGABRT', 'SIGFPE', 'SIGILL', 'SIGINT', 'SIGSEGV', 'SIGTERM',
    'SIGALRM', 'SIGBUS', 'SIGCHLD', 'SIGCONT', 'SIGHUP', 'SIGIO', 'SIGKILL',
    'SIGPIPE', 'SIGPROF', 'SIGQUIT', 'SIGSTOP', 'SIGSYS', 'SIGTRAP',
    'SIGTSTP', 'SIGTTIN', 'SIGTTOU', 'SIGURG', 'SIGUSR1', 'SIGUSR2',
    'SIGVTALRM', 'SIGWINCH', 'SIGXCPU', 'SIGXFSZ',
}
local line = {}
for _, name in ipairs(names) do line[#line + 1] = name .. '=' .. sig[name] end
print(table.concat(line, ' '))
print(sig.SIGBREAK)
