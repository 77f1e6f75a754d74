-- environment: exactly the table given (nil: empty), and the one
-- "\0pid" value replaced by the child's pid.
local h = require './helpers'

local p, out = h.capture{program = '/usr/bin/env', arguments = {'env'},
                         environment = {A = '1', B = 'two words'}}
local lines = {}
for l in out:gmatch('[^\n]+') do lines[#lines + 1] = l end
table.sort(lines)
print(table.concat(lines, ' '))

local p, out = h.capture{program = '/usr/bin/env', arguments = {'env'},
                         environment = {}}
print('empty', #out)

local p, out = h.capture{program = 'sh',
                         arguments = {'sh', '-c', 'echo "$LISTEN_PID $$"'},
                         environment = {LISTEN_PID = '\0pid'}}
local a, b = out:match('(%d+) (%d+)')
print('pid matches', a == b, a == tostring(p.pid))
