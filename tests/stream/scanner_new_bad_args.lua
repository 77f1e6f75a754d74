-- new() checks its argument and the type of every option it knows.
local stream = require 'stream'

local new = stream.scanner.new
print(pcall(new, 'x'))
print(pcall(new, {record_separator = 1}))
print(pcall(new, {field_separator = true}))
print(pcall(new, {field_pattern = 'a+'}))
print(pcall(new, {trim_record = 1}))
print(pcall(new, {buffer_size_hint = 'big'}))
print(pcall(new, {max_record_size = 1.5}))
for _, opts in ipairs{{record_separator = ''}, {field_separator = ''},
                      {buffer_size_hint = 0}, {max_record_size = -1}} do
    local ok, e = pcall(new, opts)
    print(ok, e, e.field)
end
