local system = require 'system'
local h = require './helpers'
local fd = system.out:dup()
print(getmetatable(fd))
-- the copy shares stdout: move it onto stderr and write there
system.err:dup_from(fd)
system.err:write_some('via stderr, now stdout\n')
fd:close()
fd:close()        -- closing twice is fine
h.try(system.out.dup_from, system.out, fd)   -- but a closed fd is EBADF
local fds = {system.in_:dup(), system.err:dup()}
print(getmetatable(fds[1]), getmetatable(fds[2]))
