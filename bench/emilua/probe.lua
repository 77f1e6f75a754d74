-- Prints "NAME yes|no" for each optional workload: whether the modules it
-- needs load and have the functions it calls.  run.sh skips the "no" ones.
local function has(f)
    local ok, r = pcall(f)
    return ok and r == true
end
local function fn(v) return type(v) == 'function' end

local mutex = has(function()
    local m = require('mutex').new()
    m:lock()
    m:unlock()
    return true
end)
print('mutex ' .. (mutex and 'yes' or 'no'))

print('condvar ' .. (has(function()
    local cv = require('condition_variable').new()
    return mutex and fn(cv.wait) and fn(cv.notify_one)
end) and 'yes' or 'no'))

print('write_all ' .. (has(function()
    local stream, system = require 'stream', require 'system'
    return fn(stream.write_all) and system.out ~= nil and
        fn(byte_span.with_zeros)
end) and 'yes' or 'no'))

print('scanner ' .. (has(function()
    local stream, system = require 'stream', require 'system'
    local sc = stream.scanner.new{stream = system.in_}
    return system.in_ ~= nil and fn(sc.get_line)
end) and 'yes' or 'no'))

print('byte_span ' .. (has(function()
    local b = byte_span.new(4)
    b:set_u32le(1)
    return b:get_u32le() == 1
end) and 'yes' or 'no'))

print('filesystem ' .. (has(function()
    local fs = require 'filesystem'
    return fs.status(fs.path.new('/')).type == 'directory'
end) and 'yes' or 'no'))

print('spawn ' .. (has(function()
    local system = require 'system'
    return fn(system.spawn)
end) and 'yes' or 'no'))

print('ipc ' .. (has(function()
    local unix, pipe = require 'unix', require 'pipe'
    return fn(unix.stream.socket.pair) and fn(pipe.pair) and
        fn(unix.seqpacket.socket.pair)
end) and 'yes' or 'no'))

print('regex ' .. (has(function()
    local regex = require 'regex'
    local re = regex.new{pattern = 'a', grammar = 'ecma'}
    return #regex.patsplit(re, 'banana') == 3
end) and 'yes' or 'no'))

print('file ' .. (has(function()
    local file = require 'file'
    return fn(file.stream.new().read_some)
end) and 'yes' or 'no'))
