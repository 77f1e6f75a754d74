-- system.seccomp_filter: the builder's text export, and its errors.
local system = require 'system'
local h = require './helpers'

local f = system.seccomp_filter.new{default_action = 'errno', errno = 38,
                                    arch = 'x86_64'}
f:allow{'read', 'write', 'exit_group'}
f:allow('openat', {arg = 2, op = '&', mask = 3, value = 0})
local pfc = f:export_pfc()
print(pfc:find('action ERRNO(38)', 1, true) ~= nil,
      pfc:find('if ($syscall == 0)', 1, true) ~= nil,
      pfc:find('if ($syscall == 257)', 1, true) ~= nil)
print(getmetatable(f))

print(h.try(f.allow, f, 'no_such_syscall'))
print(h.try(f.allow, f, {'read', 'nope2'}))
print(h.try(f.allow, f, 42))
print(h.try(f.deny, f, 'read'))
print(h.try(f.deny, f, 'read', -1))
print(h.try(f.allow, f, 'read', {arg = 6, op = '==', value = 1}))
print(h.try(f.allow, f, 'read', {arg = 0, op = '=', value = 1}))
print(h.try(f.allow, f, 'read', 'x'))
print(h.try(system.seccomp_filter.new, {default_action = 'maybe'}))
print(h.try(system.seccomp_filter.new, {}))
print(h.try(system.seccomp_filter.new, {default_action = 'allow',
                                        arch = 'pdp11'}))
print(h.try(system.seccomp_filter.new))
print(h.try(f.export, {}))
