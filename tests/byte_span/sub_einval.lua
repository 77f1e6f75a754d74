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
-- Ranges outside [1, capacity] raise EINVAL naming the bad argument.
local b = byte_span.new(4, 6)
try(b.sub, b, 0)
try(b.sub, b, -1)
try(b.sub, b, 8)
try(b.sub, b, 1, 7)
try(b.sub, b, 3, 1)
try(b.sub, b, 1, -1)
try(b.sub, b, 7, 6)
try(b.sub, b, 7, 7)
