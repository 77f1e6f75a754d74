-- Rules changed to bad values after new() are caught by get_line().

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

local sc = stream.scanner.new{stream = mem.reader('a\nb\nc\n')}
sc.record_separator = 5
print(check(pcall(sc.get_line, sc)))
sc.record_separator = ''
local ok, e = pcall(sc.get_line, sc)
print(ok, e, e.field)
sc.record_separator = '\n'
sc.field_separator = {}
print(check(pcall(sc.get_line, sc)))
sc.field_separator = nil
sc.field_pattern = 'x'
print(check(pcall(sc.get_line, sc)))
sc.field_pattern = nil
mem.show(sc:get_line(), sc.record_number)
