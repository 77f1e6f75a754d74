-- Fixture: a fresh directory per test under temp_directory_path() (named
-- after the test and the process), and helpers.  Not a test itself (no
-- .out); its globals are the module.
local fs = require "filesystem"
local system = require "system"

function make(name)
    fs.umask(18)   -- 022
    local d = fs.temp_directory_path() /
              ("emilua-file-" .. name .. "-" .. system.getpid())
    fs.remove_all(d)
    fs.create_directory(d)
    base = d
    return d
end

-- "ok" (and the results) or the error's message with its arg field
function try(f, ...)
    local r = {pcall(f, ...)}
    if r[1] then
        r[1] = "ok"
        for i = 2, #r do r[i] = tostring(r[i]) end
        return table.concat(r, " ")
    end
    local e = r[2]
    if type(e) ~= "table" then return tostring(e) end
    local s = tostring(e)
    if e.arg then s = s .. " arg=" .. e.arg end
    return s
end

-- Writes the string s as the whole content of the file at p.
function put(p, s)
    local fd = fs.open(p, {"write_only", "create", "truncate"},
                       fs.mode(6, 4, 4))
    local file = require "file"
    local f = file.stream.new(fd)
    if #s > 0 then require("stream").write_all(f, s) end
    f:close()
end

-- The whole content of the file at p.
function get(p)
    local file = require "file"
    local f = file.random_access.new()
    f:open(p, {"read_only"})
    local b = byte_span.new(f.size)
    file.read_all_at(f, 0, b)
    f:close()
    return tostring(b)
end
