-- time.sleep(NaN) raises generic EINVAL with the argument's index.
local ge = require 'generic_error'
local ok, e = pcall(require('time').sleep, 0/0)
print(ok, e, e.category, e.arg, e == ge.EINVAL)
