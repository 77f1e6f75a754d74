-- Time points of different clocks are different types.

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
local s = time.steady_clock.epoch()
local y = time.system_clock.epoch()
local h = time.high_resolution_clock.epoch()
print(s == y, y == h, s == h)
print(check(pcall(function() return s < y end)))
print(check(pcall(function() return s - y end)))
print(check(pcall(function() return y - h end)))
print(check(pcall(function() return h - s end)))
print(check(pcall(function() return s + y end)))
local t = time.steady_timer.new()
print(check(pcall(t.expires_at, t, y)))
local u = time.system_timer.new()
print(check(pcall(u.expires_at, u, s)))
print(check(pcall(u.expires_at, u, h)))
