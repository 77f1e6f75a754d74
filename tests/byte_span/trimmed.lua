-- An argument error shows its fields: the generic EINVAL with `arg`, and
-- the runtime's report (func, argname, expected, got).
local function describe(e)
    if type(e) ~= 'table' or (e.arg == nil and e.field == nil) then
        return e
    end
    local s = tostring(e) .. ' | ' .. tostring(e.func) .. ': ' ..
              (e.arg and 'argument #' .. e.arg or 'field ' .. e.field)
    if e.argname then s = s .. ' (' .. e.argname .. ')' end
    if e.expected then
        s = s .. ' must be ' .. e.expected .. ' (got ' .. e.got .. ')'
    end
    return s
end
local function try(f, ...)
    local ok, e = pcall(f, ...)
    if ok then
        print("ok", getmetatable(e) == "byte_span" and "span of " .. #e or e)
    elseif type(e) == "table" then
        print("error", tostring(e.category), describe(e))
    else
        print("error", describe(e))
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
