-- new() checks its argument and the type of every option it knows.

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

local new = stream.scanner.new
print(check(pcall(new, 'x')))
print(check(pcall(new, {record_separator = 1})))
print(check(pcall(new, {field_separator = true})))
print(check(pcall(new, {field_pattern = 'a+'})))
print(check(pcall(new, {trim_record = 1})))
print(check(pcall(new, {buffer_size_hint = 'big'})))
print(check(pcall(new, {max_record_size = 1.5})))
for _, opts in ipairs{{record_separator = ''}, {field_separator = ''},
                      {buffer_size_hint = 0}, {max_record_size = -1}} do
    local ok, e = pcall(new, opts)
    print(ok, e, e.field)
end
