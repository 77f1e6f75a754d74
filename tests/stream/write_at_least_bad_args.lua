-- write_at_least() takes a byte_span (not a string) and an integer
-- minimum; a negative minimum is EINVAL for argument 3.

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
local stream = require 'stream'
local mem = require './mem'

local w = mem.writer()
local buf = byte_span.append('abc')
print(check(pcall(stream.write_at_least, 'w', buf, 1)))
print(check(pcall(stream.write_at_least, w, 'abc', 1)))
print(check(pcall(stream.write_at_least, w, buf)))
print(check(pcall(stream.write_at_least, w, buf, 1.5)))
print(check(pcall(stream.write_at_least, w, buf, '1')))
local ok, e = pcall(stream.write_at_least, w, buf, -1)
print(ok, e, e.arg, e == require('generic_error').EINVAL)
print(w.calls)
