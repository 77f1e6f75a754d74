-- Shared by the process tests: run a child with its stdout captured
-- through a pipe, and print errors with their fields.
local system = require 'system'
local pipe = require 'pipe'
local asio_error = require 'asio_error'

local M = {}

-- Everything the read end gives until EOF.
function M.read_all(r)
    local parts = {}
    local buf = byte_span.new(4096)
    while true do
        local ok, n = pcall(r.read_some, r, buf)
        if not ok then
            if n ~= asio_error.misc.eof then error(n) end
            break
        end
        parts[#parts + 1] = tostring(buf:first(n))
    end
    r:close()
    return table.concat(parts)
end

-- Spawns opts with stdout (and stderr, unless given) on a pipe; returns
-- the subprocess and its whole output once it closed the pipe.
function M.capture(opts)
    local r, w = pipe.pair()
    w = w:release()
    opts.stdout = w
    if opts.stderr == nil then opts.stderr = w end
    if opts.environment == nil then
        opts.environment = {PATH = system.environment.PATH}
    end
    local p = system.spawn(opts)
    w:close()
    return p, M.read_all(r)
end

-- Runs sh -c script and returns its output, exit code and signal.
function M.sh(script, opts)
    opts = opts or {}
    opts.program = 'sh'
    opts.arguments = {'sh', '-c', script}
    local p, out = M.capture(opts)
    p:wait()
    return out, p.exit_code, p.exit_signal
end

function M.describe(e)
    if type(e) ~= 'table' then return tostring(e) end
    local s = tostring(e)
    for _, k in ipairs{'arg', 'argname', 'expected', 'step', 'syscall'} do
        if e[k] ~= nil then s = s .. ' ' .. k .. '=' .. tostring(e[k]) end
    end
    return s
end

function M.try(f, ...)
    local ok, e = pcall(f, ...)
    if ok then return 'ok' end
    return M.describe(e)
end

setfenv(0, M)
