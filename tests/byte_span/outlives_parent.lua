-- A slice keeps the memory alive after the span it came from is gone.
local slices = {}
for i = 1, 50 do
    local b = byte_span.new(16)
    b:fill(64 + i % 26)
    slices[i] = b:sub(3, 6)
end
collectgarbage()
collectgarbage()
local ok = true
for i = 1, 50 do
    if tostring(slices[i]) ~= string.rep(string.char(64 + i % 26), 4) then
        ok = false
    end
end
print(ok, #slices[1], slices[1].capacity)
