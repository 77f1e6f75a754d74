-- system_timer bad arguments name the method and argument.

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
local time = require 'time'
local t = time.system_timer.new()
print(check(pcall(t.expires_at, t)))
print(check(pcall(t.expires_at, t, 0)))
print(check(pcall(t.expires_at, t, time.steady_clock.now())))
print(check(pcall(t.cancel, time.steady_timer.new())))
local ok, e = pcall(t.wait, 'x')
print(ok, (describe(e):match('time%.system_timer:wait: .*')))
print(check(pcall(function() t.expiry = 1 end)))
