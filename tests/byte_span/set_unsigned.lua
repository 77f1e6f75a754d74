local function hex(b)
    local t = {}
    for i = 1, #b do t[i] = string.format("%02x", b[i]) end
    return table.concat(t, " ")
end
-- Unsigned setters write the expected byte patterns.
local function show(width, setter, n)
    local b = byte_span.new(width)
    b[setter](b, n)
    print(setter, hex(b))
end
show(2, "set_u16be", 0x0102)
show(2, "set_u16le", 0x0102)
show(3, "set_u24be", 0x010203)
show(3, "set_u24le", 0x010203)
show(4, "set_u32be", 0x01020304)
show(4, "set_u32le", 0x01020304)
show(5, "set_u40be", 0x0102030405)
show(5, "set_u40le", 0x0102030405)
show(6, "set_u48be", 0x010203040506)
show(6, "set_u48le", 0x010203040506)
show(4, "set_u32be", 4294967295)
