-- A regular file: read in small pieces until the end of file.
local system = require 'system'
local buf = byte_span.new(3)
local ok, n = true, 0
while true do
    ok, n = pcall(system.in_.read_some, system.in_, buf)
    if not ok then break end
    print(n, '[' .. tostring(buf:sub(1, n)) .. ']')
end
print(tostring(n))
