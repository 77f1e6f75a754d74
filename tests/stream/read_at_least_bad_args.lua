-- Argument checks of read_at_least().

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
local buf = byte_span.new(3)
print(check(pcall(stream.read_at_least, nil, buf, 1)))
print(check(pcall(stream.read_at_least, r, 'abc', 1)))
print(check(pcall(stream.read_at_least, r, buf)))
print(check(pcall(stream.read_at_least, r, buf, 0.5)))
local ok, e = pcall(stream.read_at_least, r, buf, -3)
print(ok, e, e.arg)
print(r.calls)
