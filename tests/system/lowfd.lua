local system = require 'system'
local fd = system.get_lowfd(3)
print(getmetatable(fd))
print(system.get_lowfd(3))      -- handed out once only
print(system.get_lowfd(4))      -- not inherited
print(system.get_lowfd(0), system.get_lowfd(2), system.get_lowfd(10))
-- It is the inherited file: read it through stdin.
system.in_:dup_from(fd)
fd:close()
local buf = byte_span.new(64)
local n = system.in_:read_some(buf)
system.out:write_some(buf:sub(1, n))
