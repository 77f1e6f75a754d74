-- When the capacity suffices, append() writes into the same memory.
local b = byte_span.new(2, 8)
b:copy("ab")
local c = b:append("cd", nil, "e")
print(b, #b, c, #c, c.capacity)
c[1] = string.byte("A")
print(b)
local grown = b:sub(1, 5)
print(grown)
local d = b:append("XY")       -- overwrites what c appended
print(d, c)
