-- tostring() gives the bytes, # the length; NUL bytes included.
local b = byte_span.new(3)
b:copy("a\0b")
local s = tostring(b)
print(#s, s == "a\0b", #b)
b = byte_span.new(0, 4)
print(#tostring(b), #b)
print(getmetatable(b), type(b))
