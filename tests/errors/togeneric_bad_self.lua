local ge = require 'generic_error'
local togeneric = ge.EINVAL.togeneric
print(type(togeneric))
print(pcall(togeneric, {}))
print(pcall(togeneric))
