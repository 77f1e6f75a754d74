-- print() and the stdio objects share the fds: what they write comes out
-- in the order the program wrote it.
local system = require 'system'
for i = 1, 3 do
    print('print ' .. i)
    system.out:write_some('out ' .. i .. '\n')
    system.err:write_some('err ' .. i .. '\n')
end
local span = byte_span.new(4)
span:copy('end\n')
system.out:write_some(span)
print('last')
