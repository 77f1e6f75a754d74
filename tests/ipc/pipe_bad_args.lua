-- Bad arguments raise generic EINVAL with the argument's position.
local pipe = require "pipe"
local U = require "./util"

local r, w = pipe.pair()
print(U.try(r.read_some, r, "not a span"))
print(U.try(w.write_some, w, 42))
print(U.try(r.read_some, w, byte_span.new(1)))
print(U.try(w.write_some, r, byte_span.new(1)))
print(U.try(r.assign, r, 3))
print(U.try(pipe.read_stream.new, "fd"))
print(U.try(pipe.write_stream.new, {}))
print(U.try(r.close, "self"))
print(U.try(function() return r.no_such_field end))
print(U.try(function() return w.read_some end))
r:close()
print(U.try(r.cancel, r))
print(U.try(r.release, r))
