-- require 'file': the composed positional transfers over read_some_at and
-- write_some_at.  Written in Lua because those may suspend the fiber, and
-- a C frame in between would forbid that; they may also be methods of a
-- user's own object.
--
-- Receives from src/modules/file/file.c the module table (stream and
-- random_access already set) and natives: is_byte_span(v),
-- einval_arg(argn) -> error, arg_error(argn, func, name, expected, v).

local M, N = ...
local is_byte_span, einval_arg = N.is_byte_span, N.einval_arg
local type, error, tostring, floor = type, error, tostring, math.floor
local span_append = byte_span.append
local probe = byte_span.new(0)
local span_sub = probe.sub
probe = nil

local function arg_error(func, argn, name, expected, v)
    error(N.arg_error(argn, func, name, expected, v))
end

local function check_args(func, io, offset, buf, minimum, strings)
    local t = type(io)
    if t ~= 'table' and t ~= 'userdata' then
        arg_error(func, 1, 'io_object', 'a file object', io)
    end
    if type(offset) ~= 'number' or offset ~= floor(offset) then
        arg_error(func, 2, 'offset', 'an integer', offset)
    end
    if offset < 0 then error(einval_arg(2)) end
    if strings and type(buf) == 'string' then
        buf = span_append(buf)
    elseif not is_byte_span(buf) then
        arg_error(func, 3, 'buffer',
                  strings and 'a byte_span or a string' or 'a byte_span', buf)
    end
    if minimum == nil then return buf, #buf end
    if type(minimum) ~= 'number' or minimum ~= floor(minimum) then
        arg_error(func, 4, 'minimum', 'an integer', minimum)
    end
    if minimum < 0 then error(einval_arg(4)) end
    return buf, minimum < #buf and minimum or #buf
end

-- Stops early when a call moves 0 bytes without an error (as Boost.Asio
-- does): retrying could spin forever.
local function transfer_loop(func, io, method, offset, buf, minimum)
    local total, done = #buf, 0
    while done < minimum do
        local rest = done == 0 and buf or span_sub(buf, done + 1, total)
        local n = io[method](io, offset + done, rest)
        if type(n) ~= 'number' or n ~= floor(n) or n < 0 or
           n > total - done then
            error(func .. ': ' .. method ..
                  ' returned an invalid byte count (' .. tostring(n) .. ')',
                  2)
        end
        if n == 0 then break end
        done = done + n
    end
    return done
end

function M.read_all_at(io, offset, buf)
    local b, m = check_args('file.read_all_at', io, offset, buf)
    return transfer_loop('file.read_all_at', io, 'read_some_at', offset, b, m)
end

function M.read_at_least_at(io, offset, buf, minimum)
    local b, m = check_args('file.read_at_least_at', io, offset, buf,
                            minimum or false)
    return transfer_loop('file.read_at_least_at', io, 'read_some_at', offset,
                         b, m)
end

function M.write_all_at(io, offset, buf)
    local b, m = check_args('file.write_all_at', io, offset, buf, nil, true)
    return transfer_loop('file.write_all_at', io, 'write_some_at', offset, b,
                         m)
end

function M.write_at_least_at(io, offset, buf, minimum)
    local b, m = check_args('file.write_at_least_at', io, offset, buf,
                            minimum or false)
    return transfer_loop('file.write_at_least_at', io, 'write_some_at', offset,
                         b, m)
end

return M
