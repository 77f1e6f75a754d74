-- tests/examples/process.lua
-- Run a pipeline of two programs, sort(1) fed by a fiber of ours, with
-- its output read back through a pipe, and wait for it.
local system = require "system"
local pipe = require "pipe"
local stream = require "stream"

local function read_all(r)
    local parts, buf = {}, byte_span.new(1024)
    while true do
        local ok, n = pcall(r.read_some, r, buf)
        if not ok then break end       -- EOF: every writer is gone
        parts[#parts + 1] = tostring(buf:first(n))
    end
    return table.concat(parts)
end

local in_r, in_w = pipe.pair()         -- we write, sort reads
local out_r, out_w = pipe.pair()       -- sort writes, we read
local out_fd = out_w:release()
local sort = system.spawn{
    program = "sort",                  -- looked up in PATH
    arguments = {"sort", "-n"},        -- argv[0] included
    environment = {LC_ALL = "C"},
    stdin = in_r:release(),
    stdout = out_fd,
    stderr = "share",
}
out_fd:close()                         -- the child holds its own copy

local feeder = spawn(function()
    stream.write_all(in_w, "10\n9\n100\n1\n")
    in_w:close()                       -- sort sees EOF and answers
end)
local sorted = read_all(out_r)
feeder:join()
sort:wait()
print((sorted:gsub("\n", " ")), sort.exit_code, sort.exit_signal, sort.pid)

-- A program that cannot be run is an error in the caller
local ok, err = pcall(system.spawn, {program = "no-such-program"})
print(ok, err, err.step)
