-- Wrong types name the function and argument; NaN is EINVAL with arg.

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
local sleep = require('time').sleep
local function msg(e) return (describe(e):match('time%.sleep: .*')) end
local ok, e = pcall(sleep, 'x')
print(ok, msg(e))
ok, e = pcall(sleep)
print(ok, msg(e))
ok, e = pcall(sleep, 0/0)
print(ok, e, e.code, e.category, e.arg)
