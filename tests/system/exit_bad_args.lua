local system = require 'system'
local h = require './helpers'
h.try(system.exit, 'x')
h.try(system.exit, 1.5)
h.try(system.exit, 1, 'opts')
h.try(system.exit, 1, {force = true})
h.try(system.exit, 1, {force = 3})
h.try(system.exit, 1, {force = 'kill'})
h.try(system.exit, 1, {force = 1})
print('still running')
