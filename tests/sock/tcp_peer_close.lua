-- A peer closing mid-read ends the read with EOF (asio_error.misc.eof);
-- a peer resetting (linger 0) ends it with ECONNRESET; writing to a
-- closed connection fails with an error and never kills the process.
local ip = require 'ip'
local asio_error = require 'asio_error'
local generic_error = require 'generic_error'
local u = require './lib/util'

local c, s = u.tcp_pair()
local f = spawn(function()
    local buf = byte_span.new(10)
    print('read', u.text(buf, s:read_some(buf)))
    local ok, e = pcall(s.read_some, s, buf)
    print('then', ok, e == asio_error.misc.eof, u.describe(e))
end)
c:write_some('last')
this_fiber.yield()
c:close()
f:join()

-- writes after the peer went away: EPIPE or ECONNRESET, no SIGPIPE
local err
for _ = 1, 100 do
    local ok, e = pcall(s.write_some, s, 'x')
    if not ok then err = e break end
end
print('write fails', err:togeneric() == generic_error.EPIPE or
                     err:togeneric() == generic_error.ECONNRESET)
s:close()

-- reset
c, s = u.tcp_pair()
f = spawn(function()
    local ok, e = pcall(s.read_some, s, byte_span.new(10))
    print('reset', ok, u.describe(e),
          e:togeneric() == generic_error.ECONNRESET)
end)
this_fiber.yield()
c:set_option('linger', {enabled = true, timeout = 0})
print('linger', c:get_option('linger').enabled, c:get_option('linger').timeout)
c:close()
f:join()
s:close()
print('alive')
