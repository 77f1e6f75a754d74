local system = require 'system'
print(system.out:write_some('string\n'))
local span = byte_span.new(5)
span:copy('span\n')
print(system.out:write_some(span))
print(system.err:write_some('to stderr\n'))
-- the first argument is ignored
print(system.out.write_some(nil, 'no self\n'))
print(system.out:write_some(''))
print(system.out:write_some(byte_span.new(0)))
