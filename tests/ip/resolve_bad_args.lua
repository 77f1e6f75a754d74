-- Bad arguments raise before anything is resolved.

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
local ip = require 'ip'
local ge = require 'generic_error'
local function try(f, ...)
    local ok, e = pcall(f, ...)
    if type(e) == 'table' then
        print(ok, e == ge.EINVAL, describe(e))
    else
        print(ok, e)
    end
end
local gai = ip.tcp.get_address_info
try(gai, 1, 80)
try(gai, '127.0.0.1', true)
try(gai, '127.0.0.1', 65536)
try(gai, '127.0.0.1', -1)
try(gai, '127.0.0.1', 80, 'passive')
try(gai, '127.0.0.1', 80, {'no_such_flag'})
try(gai, '127.0.0.1', 80, {1})
try(gai, '127.0.0.1\0x', 80)
try(ip.udp.get_name_info, '127.0.0.1', 80)
try(ip.udp.get_name_info, ip.address.loopback_v4(), 70000)
try(ip.tcp.get_name_info, ip.address.loopback_v4())
