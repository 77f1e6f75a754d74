local system = require 'system'
local asio_error = require 'asio_error'
local buf = byte_span.new(16)
local total = ''
while true do
    local ok, n = pcall(system.in_.read_some, system.in_, buf)
    if not ok then
        print('error', n == asio_error.misc.eof, tostring(n))
        break
    end
    total = total .. tostring(buf:sub(1, n))
end
print('[' .. total .. ']')
