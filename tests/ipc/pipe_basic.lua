-- pipe.pair(): bytes written on one end are read on the other; EOF once
-- the writer is closed; close() is idempotent; release()/assign() and
-- new(fd) move the fd between objects.
local pipe = require "pipe"
local stream = require "stream"
local U = require "./util"

local r, w = pipe.pair()
print(getmetatable(r), getmetatable(w), r.is_open, w.is_open)
local buf = byte_span.new(64)
print("write", w:write_some(U.str("hello")))
local n = r:read_some(buf)
print("read", n, buf:first(n))
print("empty read", r:read_some(byte_span.new(0)))

-- release: the object is closed, the fd lives on in a file_descriptor
local fd = w:release()
print("released", w.is_open, fd.type)
print("write on released", U.try(w.write_some, w, U.str("x")))
local w2 = pipe.write_stream.new()
print("new closed", w2.is_open)
w2:assign(fd)
print("assigned", w2.is_open, U.try(fd.dup, fd))
stream.write_all(w2, "via assign")
n = r:read_some(buf)
print("read", buf:first(n))
local spare_r, spare_w = pipe.pair()
local spare = spare_w:release()
print("assign twice", U.try(w2.assign, w2, spare), spare.type)

w2:close()
w2:close()
print("closed twice", w2.is_open)
print("read at EOF", U.try(r.read_some, r, buf))
print("new from a taken fd", U.try(pipe.read_stream.new, fd))
