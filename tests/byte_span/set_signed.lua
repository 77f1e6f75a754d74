local function hex(b)
    local t = {}
    for i = 1, #b do t[i] = string.format("%02x", b[i]) end
    return table.concat(t, " ")
end
-- Signed setters store two's complement; every setter keeps the low bits.
local function show(width, setter, n)
    local b = byte_span.new(width)
    b[setter](b, n)
    print(setter, string.format("%.17g", n), hex(b))
end
show(1, "set_i8", -1)
show(1, "set_i8", -128)
show(1, "set_i8", 127)
show(2, "set_i16be", -2)
show(2, "set_i16le", -2)
show(3, "set_i24be", -8388608)
show(3, "set_i24le", -3)
show(4, "set_i32be", -2147483648)
show(4, "set_i32le", -16909061)
show(5, "set_i40be", -2)
show(5, "set_i40le", -549755813888)
show(6, "set_i48be", -1)
show(6, "set_i48le", -140737488355327)
show(2, "set_u16be", 0x12345)
show(2, "set_u16le", -1)
