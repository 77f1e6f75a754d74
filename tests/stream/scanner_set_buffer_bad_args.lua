-- set_buffer() argument checks: buf must be a byte_span, offset an
-- integer from 1 to #buf + 1 (else EINVAL for argument 3).

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

local sc = stream.scanner.new()
local buf = byte_span.append('abc')
print(check(pcall(sc.set_buffer, sc, 'abc')))
print(check(pcall(sc.set_buffer, sc, buf, 'x')))
print(check(pcall(sc.set_buffer, sc, buf, 1.5)))
for _, offset in ipairs{0, 5, -1} do
    local ok, e = pcall(sc.set_buffer, sc, buf, offset)
    print(offset, ok, e, e.arg)
end
print(check(pcall(sc.set_buffer, sc, buf, 4)))
print(check(pcall(sc.set_buffer, 1, buf)))
print(check(pcall(sc.buffer, nil)))
