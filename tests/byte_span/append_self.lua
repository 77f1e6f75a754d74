-- A span may be appended to itself, in place or not.
local b = byte_span.new(3, 6)
b:copy("abc")
local c = b:append(b)
print(c, #c, c.capacity)
local d = c:append(c)
print(d, #d, c)
