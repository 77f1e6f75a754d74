-- inplace_lower/upper convert ASCII letters only and return nothing.

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
    print(ok, describe(e))
end
local b = byte_span.append("Hello, World! az AZ @[`{")
local high = byte_span.append("\xc3\x89\xe9\xff")
print(select("#", b:inplace_lower()))
print(b)
b:inplace_upper()
print(b)
b:sub(1, 5):inplace_lower()
print(b:first(12))
high:inplace_lower()
print(tostring(high) == "\xc3\x89\xe9\xff")
high:inplace_upper()
print(tostring(high) == "\xc3\x89\xe9\xff")
try(b.inplace_lower, "x")
try(b.inplace_upper)
