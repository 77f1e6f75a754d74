-- get_line() returns each "\n"-terminated record as a byte_span, sets
-- record_terminator and counts records, whatever the read sizes are.
local stream = require 'stream'
local mem = require './mem'

for _, sizes in ipairs{{100}, {1}, {3, 1, 5}} do
    local sc = stream.scanner.new{stream = mem.reader('one\ntwo\nthree\n', sizes)}
    print('record_number', sc.record_number)
    for _ = 1, 3 do
        local line = sc:get_line()
        mem.show(type(line), line, #line, sc.record_terminator, sc.record_number)
    end
end
