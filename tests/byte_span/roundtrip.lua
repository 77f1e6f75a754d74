local function hex(b)
    local t = {}
    for i = 1, #b do t[i] = string.format("%02x", b[i]) end
    return table.concat(t, " ")
end
-- set then get returns the value, for every width and byte order, at the
-- edges of each range.
local specs = {
    {"u16", 2, false}, {"u24", 3, false}, {"u32", 4, false},
    {"u40", 5, false}, {"u48", 6, false},
    {"i16", 2, true}, {"i24", 3, true}, {"i32", 4, true},
    {"i40", 5, true}, {"i48", 6, true},
}
local failures = 0
local count = 0
for _, s in ipairs(specs) do
    local name, width, signed = s[1], s[2], s[3]
    local bits = width * 8
    local values
    if signed then
        values = {0, 1, -1, 2^(bits - 1) - 1, -2^(bits - 1), 12345, -12345}
    else
        values = {0, 1, 255, 256, 2^bits - 1, 2^(bits - 1), 0x5a5a}
    end
    for _, order in ipairs{"be", "le"} do
        local b = byte_span.new(width)
        for _, v in ipairs(values) do
            b["set_" .. name .. order](b, v)
            local got = b["get_" .. name .. order](b)
            count = count + 1
            if got ~= v then
                failures = failures + 1
                print("mismatch", name .. order, v, got)
            end
        end
    end
end
local b = byte_span.new(1)
for _, v in ipairs{0, 1, -1, 127, -128} do
    b:set_i8(v)
    count = count + 1
    if b:get_i8() ~= v then failures = failures + 1 end
end
print(count, failures)
-- be and le are mirror images
local be, le = byte_span.new(6), byte_span.new(6)
be:set_u48be(0x0a0b0c0d0e0f)
le:set_u48le(0x0a0b0c0d0e0f)
print(hex(be), hex(le))
