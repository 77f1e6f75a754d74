-- One write_some() may take more than `minimum`: the real count is
-- returned.  With minimum = #buffer it behaves like write_all().
local stream = require 'stream'
local mem = require './mem'

local w = mem.writer()
print(stream.write_at_least(w, byte_span.append('abcdef'), 1))
print(w.data, w.calls)
w = mem.writer(4)
print(stream.write_at_least(w, byte_span.append('abcdef'), 6))
print(w.data, table.concat(w.log, ' '))
