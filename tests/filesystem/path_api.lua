-- filesystem.path: constructors, formats, operators with strings on
-- either side, immutability and the error of a non-path argument.
local fs = require "filesystem"

local p = fs.path.new("/usr/lib")
print(getmetatable(p), tostring(p), p:to_generic())
print(tostring(fs.path.new()), fs.path.new().empty)
print(tostring(fs.path.from_generic("Downloads/music")))
print(tostring(p:make_preferred()), fs.path.preferred_separator)

-- the reference's composition example
print(tostring(p / "Downloads" / "myfile" .. ".txt"))
print(tostring("prefix-" .. fs.path.new("x")), tostring("/etc" / fs.path.new("hosts")))

-- paths are values: equal content compares equal, originals untouched
local q = p / "x"
print(tostring(p), tostring(q), p == fs.path.new("/usr/lib"), p ~= q)
print(pcall(function() p.filename = "y" end))

-- bytes go through unchanged, NUL included
local z = fs.path.new("a\0b")
print(#tostring(z), tostring(z) == "a\0b")

-- sorting uses the element-wise order: "a/b" < "a-b" although '/' > '-'
local t = {fs.path.new("a-b"), fs.path.new("a/b"), fs.path.new("/z"),
           fs.path.new("a")}
table.sort(t)
for i, v in ipairs(t) do t[i] = tostring(v) end
print(table.concat(t, " "))

-- An argument error is the generic EINVAL with `arg` and the runtime's
-- report (func, argname, expected, got).
local function err(f, ...)
    local ok, e = pcall(f, ...)
    if type(e) ~= "table" then
        return tostring(ok) .. " " .. tostring(e)
    end
    local s = tostring(ok) .. " " .. tostring(e) .. " | " .. tostring(e.func)
              .. ": argument #" .. tostring(e.arg)
    if e.argname then s = s .. " (" .. e.argname .. ")" end
    if e.expected then
        s = s .. " must be " .. e.expected .. " (got " .. e.got .. ")"
    end
    return s
end

print(err(fs.path.new, 42))
print(err(fs.path.from_generic))
print(err(p.lexically_relative, p, 42))
print(err(p.lexically_normal, "/plain/string"))
print(err(p.replace_filename, p, {}))
print(err(function() return p < "/usr" end))
print(err(function() return p / 1 end))
print(err(function() return {} .. p end))
print(err(function() return p.no_such_property end))
