-- system.spawn: a child's stdout read through a pipe, its exit status,
-- and pid before and after wait().
local system = require 'system'
local pipe = require 'pipe'
local h = require './helpers'

local p, out = h.capture{program = 'echo',
                         arguments = {'echo', 'hello', 'world'}}
print(out, type(p.pid))
p:wait()
print(p.exit_code, p.exit_signal, p.pid)

print(h.sh('exit 3'))
local p, out = h.capture{program = 'sh', arguments = {'sh', '-c',
                         'printf "%s|" "$0" "$1"', 'zero', 'one two'}}
print(out)
-- stdin nil: a pipe whose write end is closed, so the child reads EOF
print(h.sh('cat; echo "eof $?"'))
-- stdout nil: the read end is closed, so writing fails
local r, w = pipe.pair()
w = w:release()
local p = system.spawn{program = 'sh', arguments = {'sh', '-c',
                       'trap "" PIPE; echo x 2>/dev/null; echo "write $?" >&2'},
                       stderr = w}
w:close()
p:wait()
print(h.read_all(r), p.exit_code)
