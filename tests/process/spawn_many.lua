-- 200 short children at once, each waited by its own fiber; afterwards
-- the kernel lists no child of ours (no zombie is left).
local system = require 'system'
local h = require './helpers'

local fibers = {}
local codes = 0
for i = 1, 200 do
    fibers[i] = spawn(function()
        local p = system.spawn{program = '/bin/sh',
                               arguments = {'sh', '-c', 'exit ' .. i % 7}}
        p:wait()
        codes = codes + p.exit_code
    end)
end
for _, f in ipairs(fibers) do f:join() end
print('sum of exit codes', codes)

-- /proc/PID/task/*/children of ours, as seen by a last child: only itself
local p, out = h.capture{program = '/bin/sh', arguments = {'sh', '-c',
                         'cat /proc/$PPID/task/*/children; echo; echo $$'}}
p:wait()
local listed, me = out:match('^%s*(.-)%s*\n(%d+)\n$')
print('children left', listed == me and 'none but the last' or out)
