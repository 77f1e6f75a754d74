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
local b2 = byte_span.new(2)
local b4 = byte_span.new(4)
try(b2.set_u16be, b2)
try(b2.set_u16le, b2, "1")
try(b2.set_i16be, b2, 1.5)
try(b4.set_f32be, b4, "1")
try(b4.set_f64le, b4, 1)
try(b2.get_u16be, "ab")
try(b2.set_u16be, nil, 1)
