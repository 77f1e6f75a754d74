-- Floor for emilua/byte_span.lua: the same little-endian u32 store/load
-- written in Lua over an ffi uint8_t[4] (JIT-compiled: no C call at all).
local ffi = require 'ffi'
local bit = require 'bit'
local band, rshift = bit.band, bit.rshift
local N = 100000000
local p = ffi.new('uint8_t[4]')
local function set(b, n)
    b[0] = band(n, 255)
    b[1] = band(rshift(n, 8), 255)
    b[2] = band(rshift(n, 16), 255)
    b[3] = rshift(n, 24)
end
local function get(b)
    return b[0] + b[1] * 256 + b[2] * 65536 + b[3] * 16777216
end
local x = 0
for i = 1, N do
    set(p, i)
    x = x + get(p)
end
print(string.format("%.0f", x))
