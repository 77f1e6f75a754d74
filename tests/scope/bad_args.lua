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
local function check(ok, ...)
    if ok then return ok, ... end
    return ok, describe((...))
end
print(check(pcall(scope, 1)))
print(check(pcall(scope, nil)))
print(check(pcall(scope_cleanup_push, 'x')))
print(check(pcall(scope_cleanup_push, nil)))
scope_cleanup_push(function() print('handler') end)
print(check(pcall(scope_cleanup_pop, 'no')))
print(check(pcall(scope_cleanup_pop, 0)))
scope_cleanup_pop(false)
