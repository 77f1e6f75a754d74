-- program as a name looked up in PATH, as a filesystem.path and as a
-- file_descriptor (fexecve); exec failures are errors in the caller.
local system = require 'system'
local filesystem = require 'filesystem'
local h = require './helpers'

local _, out = h.capture{program = 'echo', arguments = {'echo', 'by name'}}
print(out)
local _, out = h.capture{program = filesystem.path.new('/bin/echo'),
                         arguments = {'echo', 'by path'}}
print(out)
local fd = filesystem.open(filesystem.path.new('/bin/echo'), {'read_only'})
local _, out = h.capture{program = fd, arguments = {'echo', 'by fd'}}
print(out)

-- PATH comes from our environment, not the child's
local _, out = h.capture{program = 'echo', arguments = {'echo', 'no PATH'},
                         environment = {}}
print(out)

print(h.try(system.spawn, {program = 'no-such-program-here'}))
print(h.try(system.spawn, {program = filesystem.path.new('/nonexistent/x')}))
print(h.try(system.spawn, {program = filesystem.path.new('/')}))
