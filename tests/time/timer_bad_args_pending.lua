-- A rejected expires_after() does not abort the pending wait.
local time = require 'time'
local t = time.steady_timer.new()
t:expires_after(1000)
local f = spawn(function()
    local ok, e = pcall(t.wait, t)
    print('wait', ok, e.code)
end)
this_fiber.yield()
print(pcall(t.expires_after, t, 'soon'))
local ok, e = pcall(t.expires_after, t, 0/0)
print(ok, e.arg)
print(t:cancel())
f:join()
