local function hex(b)
    local t = {}
    for i = 1, #b do t[i] = string.format("%02x", b[i]) end
    return table.concat(t, " ")
end
-- fill() works like memset(): the byte is taken modulo 256.  It returns self.
local b = byte_span.new(3)
print(b:fill(0x41) == b, b)
b:fill(0x142)
print(b)
b:fill(-1)
print(hex(b))
b:sub(2, 2):fill(0)
print(hex(b))
print(byte_span.new(0):fill(7))
