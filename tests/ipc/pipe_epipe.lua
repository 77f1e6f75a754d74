-- Writing to a pipe whose reader is gone raises EPIPE; the process lives
-- on (SIGPIPE is ignored).
local pipe = require "pipe"
local generic_error = require "generic_error"
local U = require "./util"

local r, w = pipe.pair()
r:close()
local ok, e = pcall(w.write_some, w, U.str("x"))
print(ok, e:togeneric() == generic_error.EPIPE, e.category)
print("still alive")
