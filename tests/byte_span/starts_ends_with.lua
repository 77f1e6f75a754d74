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
local b = byte_span.append("hello world")
print(b:starts_with("hello"), b:starts_with("world"), b:starts_with(""))
print(b:ends_with("world"), b:ends_with("hello"), b:ends_with(""))
print(b:starts_with(b), b:ends_with(b:last(3)), b:starts_with("hello world!"))
print(byte_span.new(0):starts_with(""), byte_span.new(0):ends_with("a"))
try(b.starts_with, b, 1)
try(b.ends_with, b)
