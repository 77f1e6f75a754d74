-- Past the capacity append() copies into new memory.
local b = byte_span.new(3, 4)
b:copy("abc")
local c = b:append("de")
print(b, c, #c, c.capacity >= 5)
c[1] = string.byte("Z")
print(b, c)
-- Repeated appends keep the bytes and leave room to grow.
local s = byte_span.new(0)
for i = 1, 100 do
    s = s:append(string.char(64 + i % 26))
end
print(#s, s.capacity >= 100, s:sub(1, 5), s:last(3))
