local function hex(b)
    local t = {}
    for i = 1, #b do t[i] = string.format("%02x", b[i]) end
    return table.concat(t, " ")
end
-- Slicing again may grow a span up to its capacity (Go slices).
local b = byte_span.with_zeros(2, 8)
b:copy("ab")
local g = b:sub(1, 8)
print(#g, g.capacity, hex(g))
g[8] = 0x7a
local tail = b:sub(3, 8)
print(#tail, tail.capacity, hex(tail))
local inner = b:sub(2, 2)
print(#inner, inner.capacity, hex(inner:sub(1, 7)))
