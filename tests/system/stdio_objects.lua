-- The stdio objects hide their metatables and offer only their methods.
local system = require 'system'
print(getmetatable(system.in_), getmetatable(system.out),
      getmetatable(system.err))
print(type(system.in_.read_some), type(system.out.write_some),
      type(system.err.write_some))
for _, m in ipairs{'dup', 'dup_from', 'isatty', 'tcgetpgrp', 'tcsetpgrp'} do
    print(m, type(system.in_[m]), type(system.out[m]), type(system.err[m]))
end
print(system.umask, system.signal.set.add)
