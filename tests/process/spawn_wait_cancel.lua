-- wait() suspends until the child exits and is a cancellation point;
-- a canceled wait() has not reaped the child, which a later wait() does.
local system = require 'system'
local pipe = require 'pipe'

-- cat exits when we close its stdin: that orders the events
local r, w = pipe.pair()
local p = system.spawn{program = '/bin/cat', arguments = {'cat'},
                       stdin = r:release()}
local f = spawn(function()
    local ok, e = pcall(p.wait, p)
    print('wait ended', ok, e)
    error(e)
end)
this_fiber.yield()
f:cancel()
print('join', pcall(f.join, f))
print('still running', p.pid ~= nil)

-- two fibers wait for the same exit
local done = {}
local a = spawn(function() p:wait(); done[#done + 1] = 'a' end)
local b = spawn(function() p:wait(); done[#done + 1] = 'b' end)
this_fiber.yield()
w:close()
a:join()
b:join()
print(table.concat(done, ' '), p.exit_code, p.pid)
