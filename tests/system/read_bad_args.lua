local system = require 'system'
local h = require './helpers'
h.try(system.in_.read_some, system.in_, 'a string')
h.try(system.in_.read_some, system.in_)
h.try(system.in_.read_some, system.in_, 12)
print(system.in_.write_some, system.out.read_some, system.err.read_some)
