-- Errors about arguments and options point at the caller's line.

-- An argument error shows its fields: the generic EINVAL with `arg`, and
-- the runtime's report (func, argname, expected, got).
local function describe(e)
    if type(e) ~= 'table' or (e.arg == nil and e.field == nil) then
        return e
    end
    local s = tostring(e) .. ' | ' .. tostring(e.func) .. ': ' ..
              (e.arg and 'argument #' .. e.arg or 'field ' .. e.field)
    if e.argname then s = s .. ' (' .. e.argname .. ')' end
    if e.expected then
        s = s .. ' must be ' .. e.expected .. ' (got ' .. e.got .. ')'
    end
    return s
end
local stream = require 'stream'
local mem = require './mem'

local function try(f) print(describe(select(2, pcall(f)))) end
local sc = stream.scanner.new{stream = mem.reader('a\n')}
try(function() stream.write_all(1, 'x') end)
try(function() stream.write_at_least(mem.writer(), 'x', 1) end)
try(function() stream.read_all(mem.reader(''), nil) end)
try(function() stream.read_at_least(mem.reader(''), byte_span.new(1), 'x') end)
try(function() stream.read_all({read_some = function() return -1 end},
                               byte_span.new(1)) end)
try(function() stream.scanner.new(1) end)
try(function() stream.scanner.new{trim_record = 0} end)
try(function() stream.scanner.new{max_record_size = 'x'} end)
try(function() sc.get_line(2) end)
try(function() stream.scanner.new():get_line() end)
try(function() sc:buffered_line() end)
try(function() sc:remove_line() end)
try(function() sc:set_buffer(1) end)
try(function() sc:buffer(sc.buffer()) end)
sc.field_pattern = 1
try(function() sc:get_line() end)
sc.field_pattern = nil
sc.stream = {read_some = function() return 'x' end}
try(function() sc:get_line() end)
