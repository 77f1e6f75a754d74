-- Cancellation of a read of a FIFO nobody has written to: it waits for
-- readiness on the event loop (not on the pool).  fiber:cancel(), cancel()
-- and close() end it, and it has not happened: the byte written to the
-- FIFO meanwhile is still there afterwards.  The byte is written with
-- plain write(2) through the FFI while the readers wait, so that no read
-- could take it before the cancellation.  (The cancellation of a request
-- queued on the pool is tested in tests/unit/test_file_pool.c.)
local ffi = require "ffi"
local file = require "file"
local fs = require "filesystem"
local asio_error = require "asio_error"
local T = require "./tmp"
local d = T.make("cancel")

ffi.cdef [[
int open(const char *path, int flags, ...);
long write(int fd, const void *buf, unsigned long n);
int close(int fd);
]]
local O_RDWR, O_NONBLOCK, O_CLOEXEC = 2, 2048, 524288

fs.mkfifo(d / "q", fs.mode(6, 0, 0))
local q = file.stream.new()
q:open(d / "q", {"read_write"})

local reading = spawn(function()
    print("fiber:cancel()", pcall(q.read_some, q, byte_span.new(8)))
end)
this_fiber.yield()
-- held open to the end, so that the FIFO keeps its byte
local q_writer = ffi.C.open(tostring(d / "q"), O_RDWR + O_NONBLOCK + O_CLOEXEC)
assert(ffi.C.write(q_writer, "x", 1) == 1)
reading:cancel()
reading:join()

-- a second FIFO, empty, makes a reader that really waits
fs.mkfifo(d / "e", fs.mode(6, 0, 0))
local function waiting_abort(how)
    local e = file.stream.new()
    e:open(d / "e", {"read_write"})
    local f = spawn(function()
        local ok, err = pcall(e.read_some, e, byte_span.new(8))
        print(how, ok, err == asio_error.basic.operation_aborted)
    end)
    this_fiber.yield()
    if how == "cancel()" then e:cancel() else e:close() end
    f:join()
    if e.is_open then e:close() end
end
waiting_abort("cancel()")
waiting_abort("close()")

local buf = byte_span.new(8)
print("still in the FIFO", buf:sub(1, q:read_some(buf)))
q:close()
ffi.C.close(q_writer)
print(fs.remove_all(d))
