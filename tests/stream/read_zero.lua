-- A read_some() that returns 0 without an error ends the operation (as
-- in Boost.Asio) with the count read so far, instead of spinning.
local stream = require 'stream'

local calls = 0
local r = {}
function r:read_some(buf)
    calls = calls + 1
    if calls == 1 then return buf:copy('ab') end
    return 0
end
print(stream.read_all(r, byte_span.new(5)), calls)
