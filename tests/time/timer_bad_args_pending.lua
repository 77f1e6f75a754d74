-- A rejected expires_after() does not abort the pending wait.

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
local t = time.steady_timer.new()
t:expires_after(1000)
local f = spawn(function()
    local ok, e = pcall(t.wait, t)
    print('wait', ok, e.code)
end)
this_fiber.yield()
print(check(pcall(t.expires_after, t, 'soon')))
local ok, e = pcall(t.expires_after, t, 0/0)
print(ok, e.arg)
print(t:cancel())
f:join()
