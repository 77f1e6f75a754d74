-- tls.context.new takes one of the 24 method names; OpenSSL 3 has no
-- SSLv2 or SSLv3, so those raise EINVAL like an unknown name.

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
local tls = require 'tls'
local ge = require 'generic_error'
for _, m in ipairs{'ssl2', 'ssl2_client', 'ssl2_server', 'ssl3',
                   'ssl3_client', 'ssl3_server', 'tls1', 'tls1_client',
                   'tls1_server', 'ssl23', 'ssl23_client', 'ssl23_server',
                   'tls11', 'tls11_client', 'tls11_server', 'tls12',
                   'tls12_client', 'tls12_server', 'tls13', 'tls13_client',
                   'tls13_server', 'tls', 'tls_client', 'tls_server',
                   'TLS', ''} do
    local ok, c = pcall(tls.context.new, m)
    if ok then
        print(m, getmetatable(c))
    else
        print(m, c == ge.EINVAL, c.arg)
    end
end
print(check(pcall(tls.context.new)))
print(check(pcall(tls.context.new, {})))
