-- Builtin modules by name; each import gives the same value.
local time = require 'time'
print('time', type(time), type(time.sleep))
local ge = require 'generic_error'
print('generic_error', type(ge), tostring(ge.EINVAL.category))
local ffi = require 'ffi'
print('ffi', type(ffi.cdef), ffi.new('int[1]', 7)[0])
print(rawequal(require 'time', time), rawequal(require 'ffi', ffi),
      rawequal(require 'generic_error', ge))
