print('shared', require('shared').origin)
print('only_second', require('only_second').origin)
local d = require 'dirpkg'
print('dirpkg', d.origin, d.child)
-- builtin modules come before packages
local t = require 'time'
print('time', t.origin, type(t.sleep))
