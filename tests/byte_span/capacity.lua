-- capacity runs from the view's start to the end of the memory block.
local b = byte_span.new(4, 10)
print(b.capacity, b:sub(2).capacity, b:sub(5, 4).capacity, b:sub(11, 10).capacity)
print(b:first(2).capacity, b:last(1).capacity, b:trimmed().capacity)
local c = b:append("xyz")
print(c.capacity, #c)
local d = c:append("1234")
print(#d, d.capacity >= 11)
