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
-- trimmed([lws]) is a view without leading/trailing bytes from lws.
local b = byte_span.append(" \t\r\n hi there \f\v ")
local t = b:trimmed()
print("[" .. tostring(t) .. "]", #t)
t[1] = string.byte("H")
print(b:find("Hi"))
print("[" .. tostring(byte_span.append("xxaxbxx"):trimmed("x")) .. "]")
print("[" .. tostring(byte_span.append("   "):trimmed()) .. "]")
print("[" .. tostring(byte_span.append("abc"):trimmed("")) .. "]")
print("[" .. tostring(byte_span.append("--a--"):trimmed(byte_span.append("-"))) .. "]")
try(b.trimmed, b, 3)
