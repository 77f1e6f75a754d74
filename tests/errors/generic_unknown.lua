-- A name that is not a known error raises (and names the key).
local ge = require 'generic_error'
local ok, e = pcall(function() return ge.ENOTANERROR end)
print(ok, type(e), tostring(e):find('ENOTANERROR', 1, true) ~= nil)
ok, e = pcall(function() return ge.code end)
print(ok)
print(type(ge))
