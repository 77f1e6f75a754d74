-- Signed getters sign-extend from the type's top bit.
local function show(...)
    local t = {}
    for i = 1, select("#", ...) do t[i] = string.format("%.17g", (select(i, ...))) end
    print(table.concat(t, "\t"))
end
local ff = byte_span.new(6):fill(0xff)
show(ff:first(1):get_i8(), ff:first(2):get_i16be(), ff:first(3):get_i24le())
show(ff:first(4):get_i32be(), ff:first(5):get_i40le(), ff:get_i48be())
local b = byte_span.append("\x80\x00\x00\x00\x00\x00")
show(b:first(1):get_i8(), b:first(2):get_i16be(), b:first(2):get_i16le())
show(b:first(3):get_i24be(), b:first(4):get_i32be(), b:first(5):get_i40be())
show(b:get_i48be(), b:get_i48le())
local p = byte_span.append("\x7f\xff\xfe\x01\x02\x03")
show(p:first(1):get_i8(), p:first(2):get_i16be(), p:first(3):get_i24be())
show(p:first(4):get_i32le(), p:first(5):get_i40le(), p:get_i48le())
