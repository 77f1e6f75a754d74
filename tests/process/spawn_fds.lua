-- extra_fds: the child sees each file_descriptor at its key; stdio as
-- "share" or a file_descriptor.
local system = require 'system'
local pipe = require 'pipe'
local h = require './helpers'

local r, w = pipe.pair()
w = w:release()
local r2, w2 = pipe.pair()
w2 = w2:release()
local p = system.spawn{program = 'sh',
                       arguments = {'sh', '-c', 'echo three >&3; echo nine >&9'},
                       extra_fds = {[3] = w, [9] = w2}}
w:close()
w2:close()
p:wait()
print(h.read_all(r), h.read_all(r2))

-- the same fd at two numbers, and low source fds moved out of the way
local r, w = pipe.pair()
w = w:release()
local p, out = h.capture{program = 'sh',
                         arguments = {'sh', '-c', 'echo a >&4; echo b >&5'},
                         extra_fds = {[4] = w, [5] = w}}
w:close()
p:wait()
print(h.read_all(r))

-- stdin from a file_descriptor
local r, w = pipe.pair()
w:write_some(byte_span.append('fed\n'))
w:close()
local p, out = h.capture{program = 'cat', arguments = {'cat'},
                         stdin = r:release()}
p:wait()
print('cat got', out)
