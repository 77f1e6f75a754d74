local function hex(b)
    local t = {}
    for i = 1, #b do t[i] = string.format("%02x", b[i]) end
    return table.concat(t, " ")
end
-- Numeric keys read and write bytes, 1-based; writes keep the low 8 bits.
local b = byte_span.new(4)
b:copy("abcd")
print(b[1], b[4])
b[1] = 0x41
b[4] = 0x100 + 0x44
b[2] = -1
print(b[1], b[2], b[4], hex(b))
b[3.0] = 0
print(hex(b))
