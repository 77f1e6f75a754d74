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
local b = byte_span.new(3)
try(b.fill, b)
try(b.fill, b, "a")
try(b.fill, b, 1.5)
try(b.fill, 1, 1)
