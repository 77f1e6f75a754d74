-- An error from write_some() ends write_all() and reaches the caller
-- unchanged; what was written before stays written.
local stream = require 'stream'
local asio_error = require 'asio_error'

local written = ''
local w = {}
function w:write_some(buf)
    if #written >= 4 then error(asio_error.basic.broken_pipe) end
    written = written .. tostring(buf:sub(1, 2))
    return 2
end
local ok, e = pcall(stream.write_all, w, 'abcdefgh')
print(ok, e, e == asio_error.basic.broken_pipe)
print(written)
