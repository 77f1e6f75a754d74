-- set_u32le + get_u32le on one 4-byte span, 3M times each (6M calls).
-- (The floor does 100M pairs: it is JIT-compiled and much faster.)
local N = 3000000
local b = byte_span.new(4)
local set, get = b.set_u32le, b.get_u32le
local x = 0
for i = 1, N do
    set(b, i)
    x = x + get(b)
end
print(x)
