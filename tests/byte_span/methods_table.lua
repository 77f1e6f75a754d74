-- Every method of the reference is reachable from a span.
local b = byte_span.new(1)
local names = {
    "sub", "first", "last", "copy", "append", "fill", "starts_with",
    "ends_with", "find", "rfind", "find_first_of", "find_last_of",
    "find_first_not_of", "find_last_not_of", "trimmed", "inplace_lower",
    "inplace_upper",
}
for _, w in ipairs{"u16", "u24", "u32", "u40", "u48", "i16", "i24", "i32",
                   "i40", "i48", "f32", "f64"} do
    for _, o in ipairs{"be", "le"} do
        names[#names + 1] = "get_" .. w .. o
        names[#names + 1] = "set_" .. w .. o
    end
end
names[#names + 1] = "get_i8"
names[#names + 1] = "set_i8"
local missing = 0
for _, n in ipairs(names) do
    if type(b[n]) ~= "function" then
        missing = missing + 1
        print("missing", n)
    end
end
print(#names, missing, b.get_u8, b.set_u8, b.get_u64be)
print(type(byte_span.new), type(byte_span.with_zeros), type(byte_span.append))
