-- Every get/set raises EINVAL (arg 1) when #self is not the type's width.
local names = {
    "u16be", "u16le", "u24be", "u24le", "u32be", "u32le", "u40be", "u40le",
    "u48be", "u48le", "i8", "i16be", "i16le", "i24be", "i24le", "i32be",
    "i32le", "i40be", "i40le", "i48be", "i48le", "f32be", "f32le", "f64be",
    "f64le",
}
local widths = {
    u16 = 2, u24 = 3, u32 = 4, u40 = 5, u48 = 6, i8 = 1, i16 = 2, i24 = 3,
    i32 = 4, i40 = 5, i48 = 6, f32 = 4, f64 = 8,
}
local big = byte_span.new(10, 10)
for _, name in ipairs(names) do
    local w = widths[name:sub(1, 3)] or widths[name:sub(1, 2)]
    local results = {}
    for _, len in ipairs{w - 1, w + 1, 0} do
        local s = big:first(len)
        for _, op in ipairs{"get_", "set_"} do
            local ok, e = pcall(s[op .. name], s, 1)
            results[#results + 1] = (not ok and type(e) == "table" and
                                     e.code == 22 and e.arg == 1) and "E" or "?"
        end
    end
    local s = big:first(w)
    local ok = pcall(s["set_" .. name], s, 1) and pcall(s["get_" .. name], s)
    print(name, w, table.concat(results), ok)
end
