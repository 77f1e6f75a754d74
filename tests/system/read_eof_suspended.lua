-- The writer goes away while a read waits: the read raises misc.eof.
local system = require 'system'
local asio_error = require 'asio_error'
local h = require './helpers'
local r, w = h.pipe()
h.dup2(r, 0)
h.close(r)
local reader = spawn(function()
    local ok, e = pcall(system.in_.read_some, system.in_, byte_span.new(4))
    print(ok, e == asio_error.misc.eof, tostring(e))
end)
this_fiber.yield()
h.close(w)
reader:join()
