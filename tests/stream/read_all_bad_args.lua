-- read_all() wants a stream object and a byte_span (strings are
-- immutable, so they cannot be read into).

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

local r = mem.reader('abc')
print(check(pcall(stream.read_all)))
print(check(pcall(stream.read_all, true, byte_span.new(1))))
print(check(pcall(stream.read_all, r, 'abc')))
print(check(pcall(stream.read_all, r, nil)))
print(check(pcall(stream.read_all, r, 3)))
print(r.calls)
