-- buffered_line() gives the current record (without field splitting);
-- remove_line() drops it and clears record_terminator.  Both need a
-- record: before get_line() and after remove_line() they raise.

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

local sc = stream.scanner.new{stream = mem.reader('a b\nc d\n'),
                              field_separator = ' '}
print(check(pcall(sc.buffered_line, sc)))
print(check(pcall(sc.remove_line, sc)))
mem.show(sc:get_line(), sc:buffered_line(), sc.record_terminator)
sc:remove_line()
print(sc.record_terminator, sc.record_number)
print(check(pcall(sc.buffered_line, sc)))
print(check(pcall(sc.remove_line, sc)))
mem.show(sc:get_line(), sc:buffered_line())
print(check(pcall(sc.buffered_line, 'x')))
print(check(pcall(sc.remove_line)))
