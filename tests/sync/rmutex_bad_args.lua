-- Every method checks self and names itself in the error.
local recursive_mutex = require('recursive_mutex')
local m = recursive_mutex.new()
-- Only the message: where the error is reported from is not part of it.
local function try(f, ...)
    local ok, e = pcall(f, ...)
    print(ok, (tostring(e):match('[%w_]+%.[%w_]+: argument .*')))
end
try(m.lock)
try(m.lock, require('mutex').new())
try(m.try_lock, 1)
try(m.unlock, nil)
try(m.unlock, 'm')
print(m:try_lock())
