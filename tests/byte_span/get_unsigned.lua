-- Unsigned getters on known byte patterns.
local function show(...)
    local t = {}
    for i = 1, select("#", ...) do t[i] = string.format("%.17g", (select(i, ...))) end
    print(table.concat(t, "\t"))
end
local b = byte_span.append("\x01\x02\x03\x04\x05\x06")
show(b:first(2):get_u16be(), b:first(2):get_u16le())
show(b:first(3):get_u24be(), b:first(3):get_u24le())
show(b:first(4):get_u32be(), b:first(4):get_u32le())
show(b:first(5):get_u40be(), b:first(5):get_u40le())
show(b:get_u48be(), b:get_u48le())
local ff = byte_span.new(6):fill(0xff)
show(ff:first(2):get_u16be(), ff:first(3):get_u24le(), ff:first(4):get_u32be())
show(ff:first(5):get_u40le(), ff:get_u48be())
