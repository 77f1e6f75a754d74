-- Writing to a pipe without a reader: SIGPIPE is ignored from start-up, so
-- the write raises EPIPE instead of killing the process.
local system = require 'system'
local h = require './helpers'
local r, w = h.pipe()
h.close(r)
h.dup2(w, 2)
h.close(w)
h.try(system.err.write_some, system.err, 'lost')
