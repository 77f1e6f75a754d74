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
local b = byte_span.new(3, 8)
try(b.first, b, 4)
try(b.first, b, -1)
try(b.last, b, 4)
try(b.last, b, -1)
try(b.first, b, "1")
try(b.last, b, 0.5)
try(b.first, b)
