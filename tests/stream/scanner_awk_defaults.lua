-- with_awk_defaults(): "\n" records, trimmed, split into the runs of
-- non-blank bytes, like AWK's default field splitting.
local stream = require 'stream'
local mem = require './mem'

local r = mem.reader('  alice  42\tadmin \n\nbob 7\n', 5)
local sc = stream.scanner.with_awk_defaults(r)
print(sc.stream == r, sc.record_separator == '\n', sc.trim_record,
      getmetatable(sc) == stream.scanner.mt)
for _ = 1, 3 do
    local fields = sc:get_line()
    mem.show(#fields, fields, sc:buffered_line(), sc.record_number)
end
print(pcall(sc.get_line, sc))
