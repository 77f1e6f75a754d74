-- A module that replaces its thread's globals with setfenv(0, t) exports t;
-- the importer's globals are untouched.
local m = require('./imp/replaced_env')
print(m.internal, m.external)
print(getfenv(0) == _G, internal, external)
