-- Sizes no allocation can satisfy raise ENOMEM before malloc sees them
-- (AddressSanitizer reports such a malloc instead of failing it).
for _, n in ipairs{2^40 + 1, 2^53} do
    print(pcall(byte_span.new, n))
    print(pcall(byte_span.with_zeros, n))
    print(pcall(byte_span.new, 1, n))
end
print('alive')
