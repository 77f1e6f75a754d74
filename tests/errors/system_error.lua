-- A system-category error: importing a "module" whose read fails (EIO)
-- raises the errno as is.  The .cmd makes mem.lua a link to
-- /proc/self/mem, whose first page is never mapped.
local ge = require 'generic_error'
local ok, e = pcall(require, 'mem')
print(ok, e, e.category, e.code, type(e.path))
print(e == ge.EIO, e:togeneric() == ge.EIO, e:togeneric().category)
print(e.category:message(2))
-- same code, different categories: system EEXIST is not generic EEXIST,
-- but its generic condition is
e.code = ge.EEXIST.code
print(e == ge.EEXIST, e:togeneric() == ge.EEXIST)
print(rawequal(e.category, ge.EEXIST.category), tostring(e.category))
