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
-- start/end_ below 1 raise EINVAL; tgt must be a string or byte_span.
local b = byte_span.append("abc")
try(b.find, b, "a", 0)
try(b.rfind, b, "a", 0)
try(b.find_first_of, b, "a", -1)
try(b.find_last_of, b, "a", 0)
try(b.find_first_not_of, b, "a", 0)
try(b.find_last_not_of, b, "a", 0)
try(b.find, b, 1)
try(b.rfind, b, "a", "1")
try(b.find_first_of, b, nil)
try(b.find_last_not_of, b, "a", 1.5)
try(b.find_last_of, b, "a", 2.5)
