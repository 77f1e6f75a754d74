-- Every method checks self and names itself in the error.

-- An argument error shows its fields: the generic EINVAL with `arg`, and
-- the runtime's report (func, argname, expected, got).
local function describe(e)
    if type(e) ~= 'table' or (e.arg == nil and e.field == nil) then
        return e
    end
    local s = tostring(e) .. ' | ' .. tostring(e.func) .. ': ' ..
              (e.arg and 'argument #' .. e.arg or 'field ' .. e.field)
    if e.argname then s = s .. ' (' .. e.argname .. ')' end
    if e.expected then
        s = s .. ' must be ' .. e.expected .. ' (got ' .. e.got .. ')'
    end
    return s
end
local recursive_mutex = require('recursive_mutex')
local m = recursive_mutex.new()
-- Only the message: where the error is reported from is not part of it.
local function try(f, ...)
    local ok, e = pcall(f, ...)
    print(ok, (describe(e):match('[%w_.:]+: argument .*')))
end
try(m.lock)
try(m.lock, require('mutex').new())
try(m.try_lock, 1)
try(m.unlock, nil)
try(m.unlock, 'm')
print(m:try_lock())
