local system = require 'system'
local env = system.environment
print(type(env))
print(env.FOO, env.EQ, '[' .. env.EMPTY .. ']')
print(env.NOT_SET_AT_ALL)
local all_strings = true
for k, v in pairs(env) do
    if type(k) ~= 'string' or type(v) ~= 'string' then all_strings = false end
end
print(all_strings)
