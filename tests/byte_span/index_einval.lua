local function try(f, ...)
    local ok, e = pcall(f, ...)
    if ok then
        print("ok", getmetatable(e) == "byte_span" and "span of " .. #e or e)
    elseif type(e) == "table" then
        print("error", tostring(e.category), tostring(e), "arg=" .. tostring(e.arg))
    else
        print("error", e)
    end
end
-- Positions outside [1, #self] raise EINVAL; other keys read as nil.
local b = byte_span.new(3, 8)
try(function() return b[0] end)
try(function() return b[4] end)
try(function() return b[-1] end)
try(function() return b[1.5] end)
try(function() b[4] = 1 end)
try(function() b[0] = 1 end)
try(function() b[1] = "x" end)
try(function() b[1] = 1.5 end)
try(function() b.foo = 1 end)
try(function() b.capacity = 1 end)
print(b.foo, b["1"], b[true])
