-- Every method checks its arguments and names itself in the error; an
-- error value given to set_error() must not be nil.

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
local future = require('future')
local promise, fut = future.new()
-- Only the message: where the error is reported from is not part of it.
local function try(f, ...)
    local ok, e = pcall(f, ...)
    print(ok, (describe(e):match('[%w_.:]+: argument .*')))
end
try(fut.get)
try(fut.get, promise)
try(promise.set_value)
try(promise.set_value, fut, 1)
try(promise.set_error, 'p', 'e')
try(promise.set_error, promise)
try(promise.set_error, promise, nil)
promise:set_value('still pending before')
print(fut:get())
