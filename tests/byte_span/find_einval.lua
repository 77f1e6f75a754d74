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
