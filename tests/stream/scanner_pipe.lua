-- The scanner over a real pipe on stdin (see scanner_pipe.cmd): records,
-- the unterminated last one, then EOF from system.in_.
local stream = require 'stream'
local system = require 'system'
local asio_error = require 'asio_error'

local sc = stream.scanner.new{stream = system.in_}
while true do
    local ok, line = pcall(sc.get_line, sc)
    if not ok then
        print('error:', line, line == asio_error.misc.eof)
        break
    end
    print(sc.record_number, tostring(line), #sc.record_terminator)
end
