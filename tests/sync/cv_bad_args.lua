-- Every method checks its arguments and names itself in the error; wait()
-- takes a mutex, not a recursive_mutex.
local mutex = require('mutex')
local condition_variable = require('condition_variable')
local m = mutex.new()
local c = condition_variable.new()
-- Only the message: where the error is reported from is not part of it.
local function try(f, ...)
    local ok, e = pcall(f, ...)
    print(ok, (tostring(e):match('[%w_]+%.[%w_]+: argument .*')))
end
try(c.wait)
try(c.wait, c)
try(c.wait, c, 1)
try(c.wait, c, require('recursive_mutex').new())
try(c.wait, m, m)
try(c.notify_one, 'x')
try(c.notify_all, nil)
try(c.notify_all, m)
