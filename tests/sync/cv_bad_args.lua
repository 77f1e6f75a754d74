-- Every method checks its arguments and names itself in the error; wait()
-- takes a mutex, not a recursive_mutex.

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
local mutex = require('mutex')
local condition_variable = require('condition_variable')
local m = mutex.new()
local c = condition_variable.new()
-- Only the message: where the error is reported from is not part of it.
local function try(f, ...)
    local ok, e = pcall(f, ...)
    print(ok, (describe(e):match('[%w_.:]+: argument .*')))
end
try(c.wait)
try(c.wait, c)
try(c.wait, c, 1)
try(c.wait, c, require('recursive_mutex').new())
try(c.wait, m, m)
try(c.notify_one, 'x')
try(c.notify_all, nil)
try(c.notify_all, m)
