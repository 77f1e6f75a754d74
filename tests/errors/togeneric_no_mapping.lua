-- Without a mapping to a POSIX error, togeneric() returns the original.
local ge = require 'generic_error'
local ok, e = pcall(require, './')
print(e, rawequal(e:togeneric(), e))
-- a generic error is already generic
local inval = ge.EINVAL
print(inval:togeneric() == ge.EINVAL, inval:togeneric().category)
