-- == compares contents.
local a = byte_span.append("abc")
local b = byte_span.append("abc")
local c = byte_span.append("abd")
print(a == b, a == c, a ~= c)
print(a == a:sub(1, 2), a:sub(1, 2) == b:first(2))
print(byte_span.new(0) == byte_span.new(0, 5))
print(a == "abc")
