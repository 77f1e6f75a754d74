-- Counts the lines of stdin with stream.scanner:get_line().
local stream = require 'stream'
local system = require 'system'
local sc = stream.scanner.new{stream = system.in_}
local n = 0
local ok, err = pcall(function()
    while true do
        sc:get_line()
        n = n + 1
    end
end)
-- get_line() raises EOF once stdin is exhausted; anything else is a bug.
if ok or type(err) ~= 'table' then error(err, 0) end
print(n)
