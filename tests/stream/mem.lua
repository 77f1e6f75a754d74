-- In-memory streams for the stream tests (a module, not a test: it has
-- no .out file).  Its globals are its exports.
local asio_error = require 'asio_error'

-- A read stream over the string `data`.  Call i returns at most
-- sizes[i] bytes (the last size repeats; a number means always that
-- size); at the end it raises asio_error.misc.eof.  `calls` counts the
-- read_some calls.  While `paused` is true, read_some waits in
-- this_fiber.yield(), a suspension (and cancellation) point.
function reader(data, sizes)
    if type(sizes) == 'number' then sizes = {sizes} end
    sizes = sizes or {#data + 1}
    local self = {data = data, pos = 1, calls = 0, paused = false}
    function self.read_some(s, buf)
        while s.paused do this_fiber.yield() end
        s.calls = s.calls + 1
        if s.pos > #s.data then error(asio_error.misc.eof) end
        local n = sizes[s.calls] or sizes[#sizes]
        if n > #buf then n = #buf end
        n = buf:copy(s.data:sub(s.pos, s.pos + n - 1))
        s.pos = s.pos + n
        return n
    end
    return self
end

-- A write stream that accepts at most sizes[i] bytes on call i (the
-- last size repeats) and appends them to `data`; `log` lists what each
-- call was offered and took.  `paused` works as in reader().
function writer(sizes)
    if type(sizes) == 'number' then sizes = {sizes} end
    local self = {data = '', calls = 0, log = {}, paused = false}
    function self.write_some(s, buf)
        while s.paused do this_fiber.yield() end
        s.calls = s.calls + 1
        local n = sizes and (sizes[s.calls] or sizes[#sizes]) or #buf
        if n > #buf then n = #buf end
        s.data = s.data .. tostring(buf:sub(1, n))
        s.log[#s.log + 1] = #buf .. '>' .. n
        return n
    end
    return self
end

local escapes = {['\n'] = '\\n', ['\r'] = '\\r', ['\t'] = '\\t',
                 ['"'] = '\\"', ['\\'] = '\\\\'}

-- A quoted string with control bytes escaped, for byte_spans and strings.
function q(v)
    return '"' .. tostring(v):gsub('[%c"\\]', function(c)
        return escapes[c] or string.format('\\%03d', c:byte())
    end) .. '"'
end

-- Prints each value: strings and byte_spans quoted, tables as {...}.
function show(...)
    local t = {}
    for i = 1, select('#', ...) do
        local v = select(i, ...)
        if type(v) == 'table' and getmetatable(v) ~= 'error' then
            local parts = {}
            for j = 1, #v do parts[j] = q(v[j]) end
            v = '{' .. table.concat(parts, ', ') .. '}'
        elseif type(v) == 'userdata' or type(v) == 'string' then
            v = q(v)
        else
            v = tostring(v)
        end
        t[#t + 1] = v
    end
    print(table.concat(t, ' '))
end
