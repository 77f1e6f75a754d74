-- Cancellation of a read queued on the libuv pool (all its threads busy
-- with reads of FIFOs nobody writes to yet): fiber:cancel(), cancel() and
-- close() end it, and it has not happened: the byte written to its FIFO
-- meanwhile is still there afterwards.  The test writes to its FIFOs
-- with plain write(2) through the FFI: file.stream writes to a FIFO
-- would themselves wait for a pool thread.
local ffi = require "ffi"
local file = require "file"
local fs = require "filesystem"
local system = require "system"
local asio_error = require "asio_error"
local T = require "./tmp"
local d = T.make("cancel")

ffi.cdef [[
int open(const char *path, int flags, ...);
long write(int fd, const void *buf, unsigned long n);
int close(int fd);
]]
local O_RDWR, O_NONBLOCK, O_CLOEXEC = 2, 2048, 524288
local function raw_write(name, s)
    local fd = ffi.C.open(tostring(d / name), O_RDWR + O_NONBLOCK + O_CLOEXEC)
    assert(ffi.C.write(fd, s, #s) == #s)
    return fd
end

local function fifo(name)
    fs.mkfifo(d / name, fs.mode(6, 0, 0))
    local f = file.stream.new()
    f:open(d / name, {"read_write"})
    return f
end

-- Keep every pool thread busy.  The pool runs requests in order, so the
-- requests made after these wait in its queue.
local threads = tonumber(system.environment.UV_THREADPOOL_SIZE) or 4
local blockers = {}
for i = 1, threads do
    local f = fifo("b" .. i)
    blockers[i] = spawn(function()
        local buf = byte_span.new(8)
        local n = f:read_some(buf)
        f:close()
        return tostring(buf:sub(1, n))
    end)
end
this_fiber.yield()

local q = fifo("q")

local reading = spawn(function()
    print("fiber:cancel()", pcall(q.read_some, q, byte_span.new(8)))
end)
this_fiber.yield()
-- held open to the end, so that the FIFO keeps its byte
local q_writer = raw_write("q", "x")
reading:cancel()
reading:join()

local function aborted(how)
    local f = spawn(function()
        local ok, e = pcall(q.read_some, q, byte_span.new(8))
        print(how, ok, e == asio_error.basic.operation_aborted)
    end)
    this_fiber.yield()
    if how == "cancel()" then q:cancel() else q:close() end
    f:join()
end
aborted("cancel()")
aborted("close()")

-- let the blockers go
local n = 0
for i = 1, threads do
    ffi.C.close(raw_write("b" .. i, "go"))
end
for i = 1, threads do
    if blockers[i]:join() == "go" then n = n + 1 end
end
print("blockers done", n == threads)

q:open(d / "q", {"read_write"})
local buf = byte_span.new(8)
print("still in the FIFO", buf:sub(1, q:read_some(buf)))
q:close()
ffi.C.close(q_writer)
print(fs.remove_all(d))
