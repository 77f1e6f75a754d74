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
try(byte_span.with_zeros, "x")
try(byte_span.with_zeros, 2, true)
try(byte_span.with_zeros, -3)
try(byte_span.with_zeros, 5, 4)
