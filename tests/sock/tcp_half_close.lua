-- shutdown('send') is a half-close: the peer reads to EOF and can still
-- answer; shutdown('receive') and ('both') are accepted too.
local ip = require 'ip'
local asio_error = require 'asio_error'
local u = require './lib/util'
local c, s = u.tcp_pair()
c:write_some('request')
c:shutdown('send')
local buf = byte_span.new(64)
local got = ''
while true do
    local ok, n = pcall(s.read_some, s, buf)
    if not ok then
        print('server sees', n == asio_error.misc.eof)
        break
    end
    got = got .. u.text(buf, n)
end
print('server got', got)
s:write_some('reply to ' .. got)
s:shutdown('both')
got = ''
while true do
    local ok, n = pcall(c.read_some, c, buf)
    if not ok then print('client sees', n == asio_error.misc.eof) break end
    got = got .. u.text(buf, n)
end
print('client got', got)
u.try('write after shutdown', c.write_some, c, 'x')
c:close()
s:close()
c, s = u.tcp_pair()
c:shutdown('receive')
s:write_some('ignored')
u.try('after shutdown receive', c.write_some, c, 'still sends')
print('server reads', u.text(buf, s:read_some(buf)))
