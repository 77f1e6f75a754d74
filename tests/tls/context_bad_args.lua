-- Setters check their arguments before calling OpenSSL.

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
local tls = require 'tls'
local ge = require 'generic_error'
local c = tls.context.new('tls')
local function try(name, ...)
    local ok, e = pcall(c[name], ...)
    if type(e) == 'table' then
        print(name, ok, e == ge.EINVAL, describe(e))
    else
        print(name, ok, e)
    end
end
try('set_options', c, {'no_such_option'})
try('set_options', c, 'no_tlsv1')
try('clear_options', c, {1})
try('set_verify_mode', c, 'sometimes')
try('set_verify_mode', c, 1)
try('set_verify_depth', c, -1)
try('set_verify_depth', c, 'deep')
try('set_verify_callback', c, 'other_callback', 'x')
try('set_verify_callback', c, 'host_name_verification')
try('set_verify_callback', c, 'host_name_verification', '')
try('set_password_callback', c, 'secret')
try('use_certificate', c, byte_span.append('x'), 'der')
try('use_certificate', c, 'not a span', 'pem')
try('use_private_key_file', c, 'key.pem', 'pem2')
try('load_verify_file', c, 42)
try('load_verify_file', c, 'a\0b')
try('set_default_verify_paths', 'not a context')
try('use_tmp_dh', c)
