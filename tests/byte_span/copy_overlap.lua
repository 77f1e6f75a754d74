-- Overlapping source and destination copy like memmove.
local b = byte_span.new(8)
b:copy("abcdefgh")
print(b:sub(3, 8):copy(b:sub(1, 6)), b)
b:copy("abcdefgh")
print(b:sub(1, 6):copy(b:sub(3, 8)), b)
b:copy("abcdefgh")
print(b:copy(b), b)
