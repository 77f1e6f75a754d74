-- The stream attribute may be set after new(), but get_line() needs it.

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

local sc = stream.scanner.new()
print(check(pcall(sc.get_line, sc)))
sc.stream = mem.reader('late\n')
mem.show(sc:get_line())
print(check(pcall(sc.get_line, 'sc')))
print(check(pcall(stream.scanner.mt.__index.get_line)))
sc.stream = 42
print(check(pcall(sc.get_line, sc)))
