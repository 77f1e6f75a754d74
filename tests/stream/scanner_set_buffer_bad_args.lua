-- set_buffer() argument checks: buf must be a byte_span, offset an
-- integer from 1 to #buf + 1 (else EINVAL for argument 3).
local stream = require 'stream'

local sc = stream.scanner.new()
local buf = byte_span.append('abc')
print(pcall(sc.set_buffer, sc, 'abc'))
print(pcall(sc.set_buffer, sc, buf, 'x'))
print(pcall(sc.set_buffer, sc, buf, 1.5))
for _, offset in ipairs{0, 5, -1} do
    local ok, e = pcall(sc.set_buffer, sc, buf, offset)
    print(offset, ok, e, e.arg)
end
print(pcall(sc.set_buffer, sc, buf, 4))
print(pcall(sc.set_buffer, 1, buf))
print(pcall(sc.buffer, nil))
