local function hex(b)
    local t = {}
    for i = 1, #b do t[i] = string.format("%02x", b[i]) end
    return table.concat(t, " ")
end
-- IEEE-754 binary32 and binary64 in both byte orders.
local b4, b8 = byte_span.new(4), byte_span.new(8)
b4:set_f32be(1.5) print(hex(b4), b4:get_f32be(), b4:get_f32le())
b4:set_f32le(1.5) print(hex(b4), b4:get_f32le())
b4:set_f32be(-2) print(hex(b4), b4:get_f32be())
b4:set_f32be(0.1) print(b4:get_f32be() == 0.1, math.abs(b4:get_f32be() - 0.1) < 1e-8)
b4:set_f32le(math.huge) print(hex(b4), b4:get_f32le())
b4:set_f32be(1e300) print(b4:get_f32be())
b8:set_f64be(1.5) print(hex(b8), b8:get_f64be())
b8:set_f64le(-0.1) print(hex(b8), b8:get_f64le())
b8:set_f64be(-math.huge) print(b8:get_f64be())
b8:set_f64le(0/0) local n = b8:get_f64le() print(n ~= n)
b8:copy("\x3f\xf0\x00\x00\x00\x00\x00\x00") print(b8:get_f64be(), b8:get_f64le())
b8:set_f64be(2^-1074) print(hex(b8), b8:get_f64be() == 2^-1074)
