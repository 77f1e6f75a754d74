-- Fixture: a fresh directory per test under temp_directory_path(), named
-- after the test and the process so parallel runs do not meet, and a
-- helper that shows paths relative to it (the output must not hold the
-- pid).  Not a test itself (no .out); its globals are the module.
local fs = require "filesystem"
local system = require "system"

function make(name)
    fs.umask(18)   -- 022, so that modes print the same everywhere
    local d = fs.temp_directory_path() /
              ("emilua-fs-" .. name .. "-" .. system.getpid())
    fs.remove_all(d)
    fs.create_directory(d)
    base = d
    return d
end

function rel(p)
    return tostring(p:lexically_relative(base))
end

-- "ok" or the error's generic name, code and the paths it carries
function try(f, ...)
    local ok, e = pcall(f, ...)
    if ok then return "ok" end
    if type(e) ~= "table" then return tostring(e) end
    local s = tostring(e)
    if e.arg then s = s .. " arg=" .. e.arg end
    if e.path1 then s = s .. " path1=" .. rel(e.path1) end
    if e.path2 then s = s .. " path2=" .. rel(e.path2) end
    return s
end

-- Creates a file of n bytes (zeros).
function file(p, n)
    local fd = fs.open(p, {"write_only", "create", "truncate"},
                       fs.mode(6, 4, 4))
    fd:close()
    if n and n > 0 then fs.resize_file(p, n) end
end

