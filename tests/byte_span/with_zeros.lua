local function hex(b)
    local t = {}
    for i = 1, #b do t[i] = string.format("%02x", b[i]) end
    return table.concat(t, " ")
end
-- with_zeros() zeroes the whole capacity, beyond the length too.
local a = byte_span.with_zeros(2, 6)
print(#a, a.capacity, hex(a))
print(hex(a:sub(1, 6)))
local b = byte_span.with_zeros(3)
print(#b, b.capacity, hex(b))
print(hex(byte_span.new(3)))
