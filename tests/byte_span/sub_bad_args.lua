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
local b = byte_span.new(4)
try(b.sub, b, "1")
try(b.sub, b, 1.5)
try(b.sub, b, 1, "2")
try(b.sub, "abc")
try(b.sub)
