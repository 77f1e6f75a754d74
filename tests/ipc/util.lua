-- Fixture: a fresh directory per test (named after the test and the
-- process, so parallel runs do not meet), the fd count of the process,
-- and a compact form of an operation's outcome.  Not a test (no .out);
-- its globals are the module.
local fs = require "filesystem"
local system = require "system"

function tmpdir(name)
    local d = fs.temp_directory_path() /
              ("emilua-ipc-" .. name .. "-" .. system.getpid())
    fs.remove_all(d)
    fs.create_directory(d)
    return d
end

-- Open fds of the process (the iterator's own fd is counted every time).
function fd_count()
    local n = 0
    for _ in fs.directory_iterator(fs.path.new("/proc/self/fd")) do
        n = n + 1
    end
    return n
end

-- "ok" (and the results) or the error's message, with its arg when set
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

function str(s) return byte_span.append(s) end
