-- Wrong types name the function and argument; NaN is EINVAL with arg.
local sleep = require('time').sleep
local function msg(e) return (tostring(e):match('time%.sleep: .*')) end
local ok, e = pcall(sleep, 'x')
print(ok, msg(e))
ok, e = pcall(sleep)
print(ok, msg(e))
ok, e = pcall(sleep, 0/0)
print(ok, e, e.code, e.category, e.arg)
