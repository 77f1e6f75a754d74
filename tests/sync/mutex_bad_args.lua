-- Every method checks self and names itself in the error.
local mutex = require('mutex')
local m = mutex.new()
-- Only the message: where the error is reported from is not part of it.
local function try(f, ...)
    local ok, e = pcall(f, ...)
    print(ok, (tostring(e):match('[%w_]+%.[%w_]+: argument .*')))
end
try(m.lock)
try(m.lock, 1)
try(m.try_lock, 'x')
try(m.try_lock)
try(m.unlock, {})
try(m.unlock, require('condition_variable').new())
try(m.lock, require('recursive_mutex').new())
print(m:try_lock())
