local system = require 'system'
local h = require './helpers'
h.try(system.in_.dup_from, system.in_, 0)
h.try(system.out.dup_from, system.out)
h.try(system.err.dup_from, system.err, 'fd')
