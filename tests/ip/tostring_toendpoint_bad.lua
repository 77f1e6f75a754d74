-- Bad endpoints and bad arguments.

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
local ip = require 'ip'
local ge = require 'generic_error'
local A = ip.address.new
for _, ep in ipairs{'', '127.0.0.1', '127.0.0.1:', ':80', '::1:80',
                    '[127.0.0.1]:80', '127.0.0.1:65536', '127.0.0.1:-1',
                    '127.0.0.1:http', 'localhost:80', '[::1]80',
                    '127.0.0.1:8 0'} do
    local ok, e = pcall(ip.toendpoint, ep)
    print(string.format('%q', ep), ok, e == ge.EINVAL, e.arg)
end
print(check(pcall(ip.toendpoint, 80)))
print(check(pcall(ip.tostring, '127.0.0.1')))
local ok, e = pcall(ip.tostring, A('::1'), 65536)
print(ok, e == ge.EINVAL, e.arg)
print(check(pcall(ip.tostring, A('::1'), 'x')))
