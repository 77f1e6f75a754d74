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
-- Wrong types raise argument errors; bad sizes raise EINVAL with arg.
try(byte_span.new)
try(byte_span.new, "4")
try(byte_span.new, 1.5)
try(byte_span.new, 4, "8")
try(byte_span.new, 4, 8.5)
try(byte_span.new, -1)
try(byte_span.new, 4, 3)
try(byte_span.new, -1, 3)
try(byte_span.new, 4, nil)
