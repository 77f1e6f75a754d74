-- require 'stream': composed operations over read_some/write_some and
-- the AWK-like scanner.  Written in Lua because read_some/write_some may
-- suspend the fiber, and a C frame in between would forbid that.
--
-- Receives natives from src/modules/stream.c:
--   is_eof(v), is_byte_span(v), einval(key, value) -> error,
--   limit_error() -> error, view(buf, first, last) -> byte_span,
--   regex (the regex module, or nil).

local N = ...
local is_eof, is_byte_span = N.is_eof, N.is_byte_span
local einval, limit_error, regex = N.einval, N.limit_error, N.regex
local view = N.view     -- buf:sub(first, last) without argument checks

local type, error, pcall, tostring = type, error, pcall, tostring
local setmetatable, floor = setmetatable, math.floor
local find = string.find
local span_new, span_append = byte_span.new, byte_span.append
-- Methods taken once: calling them directly skips the __index lookup.
local probe = byte_span.new(0)
local span_sub, span_copy, span_trimmed = probe.sub, probe.copy, probe.trimmed
probe = nil

local DEFAULT_BUFFER_SIZE = 65536
local DEFAULT_MAX_RECORD_SIZE = 8 * 1024 * 1024

-- A bad argument: the generic EINVAL with arg = argn and the report's
-- fields (see doc/errors.md).
local function arg_error(func, argn, name, expected, v)
    error(N.arg_error(argn, func, name, expected, v))
end

-- A field of an options table: EINVAL naming the field.
local function field_error(func, name, expected, v)
    local e = einval('field', name)
    e.func, e.expected, e.got = func, expected, type(v)
    error(e)
end

local function check_object(func, io)
    local t = type(io)
    if t ~= 'table' and t ~= 'userdata' then
        arg_error(func, 1, 'io_object', 'a stream object', io)
    end
end

local function check_span(func, buf)
    if not is_byte_span(buf) then
        arg_error(func, 2, 'buffer', 'a byte_span', buf)
    end
end

local function check_minimum(func, m)
    if type(m) ~= 'number' or m ~= floor(m) then
        arg_error(func, 3, 'minimum', 'an integer', m)
    end
    if m < 0 then error(einval('arg', 3)) end
end

-- What read_some/write_some returned must be a byte count within the
-- buffer handed to them; anything else would corrupt the bookkeeping.
local function check_count(level, func, op, n, max)
    if type(n) ~= 'number' or n ~= floor(n) or n < 0 or n > max then
        error(func .. ': ' .. op .. ' returned an invalid byte count (' ..
              tostring(n) .. ')', level + 1)
    end
    return n
end

-- The loops below stop early when a call transfers 0 bytes without an
-- error (as Boost.Asio does): retrying could spin forever.

-- method is 'read_some' or 'write_some'; minimum nil: the whole buffer
-- (#buf is a C call: one per operation is enough).
local function transfer_loop(func, io, method, buf, minimum)
    local total, done = #buf, 0
    if not minimum or minimum > total then minimum = total end
    while done < minimum do
        local rest = done == 0 and buf or span_sub(buf, done + 1, total)
        local n = check_count(2, func, method, io[method](io, rest),
                              total - done)
        if n == 0 then break end
        done = done + n
    end
    return done
end

local stream = {}

function stream.write_all(io, buf)
    check_object('stream.write_all', io)
    if type(buf) == 'string' then
        buf = span_append(buf)
    elseif not is_byte_span(buf) then
        arg_error('stream.write_all', 2, 'buffer',
                  'a byte_span or a string', buf)
    end
    return transfer_loop('stream.write_all', io, 'write_some', buf)
end

function stream.write_at_least(io, buf, minimum)
    check_object('stream.write_at_least', io)
    check_span('stream.write_at_least', buf)
    check_minimum('stream.write_at_least', minimum)
    return transfer_loop('stream.write_at_least', io, 'write_some', buf,
                         minimum)
end

function stream.read_all(io, buf)
    check_object('stream.read_all', io)
    check_span('stream.read_all', buf)
    return transfer_loop('stream.read_all', io, 'read_some', buf)
end

function stream.read_at_least(io, buf, minimum)
    check_object('stream.read_at_least', io)
    check_span('stream.read_at_least', buf)
    check_minimum('stream.read_at_least', minimum)
    return transfer_loop('stream.read_at_least', io, 'read_some', buf,
                         minimum)
end

-- ---- scanner -------------------------------------------------------------
--
-- State kept in the scanner table itself (new() documents that it sets
-- the attributes the methods need):
--   _buf    byte_span over the whole buffer (length = capacity)
--   _cap    its capacity
--   _n      bytes of data in it ([1, _n] is filled)
--   _pos    first byte not yet consumed (the current record starts here)
--   _rlen   bytes the current record takes, terminator included, or nil
--   _rec    the current record as get_line produced it (buffered_line)
--   _str    a string copy of buffer bytes [_sbase, _n], searched with
--           string.find: one copy per read instead of one per record
--   _sbase  where _str starts in the buffer
-- Reads only ever go past _n and a full buffer is replaced, never
-- compacted in place, so records already returned keep their bytes.

local scanner = {}
local methods = {}
local mt = {__index = methods}
scanner.mt = mt

-- Without the regex module nothing is a regex.  A regex's hidden
-- metatable shows its type name.
local getmetatable = getmetatable
local function is_regex(v)
    return regex ~= nil and type(v) == 'userdata' and getmetatable(v) == 'regex'
end

local function check_size(func, name, v)
    if v ~= nil then
        if type(v) ~= 'number' or v ~= floor(v) then
            field_error(func, name, 'an integer', v)
        end
        if v < 1 then error(einval('field', name)) end
    end
end

local function check_options(func, self)
    local rs = self.record_separator
    if type(rs) == 'string' then
        if rs == '' then error(einval('field', 'record_separator')) end
    elseif not is_regex(rs) then
        field_error(func, 'record_separator', 'a string or a regex', rs)
    end
    local fs = self.field_separator
    if type(fs) == 'string' then
        if fs == '' then error(einval('field', 'field_separator')) end
    elseif fs ~= nil and type(fs) ~= 'function' and not is_regex(fs) then
        field_error(func, 'field_separator',
                    'a string, a regex, a function or nil', fs)
    end
    local fp = self.field_pattern
    if fp ~= nil and not is_regex(fp) then
        field_error(func, 'field_pattern', 'a regex or nil', fp)
    end
    local tr = self.trim_record
    if tr ~= nil and type(tr) ~= 'boolean' and type(tr) ~= 'string' then
        field_error(func, 'trim_record', 'a boolean or a string', tr)
    end
    check_size(func, 'buffer_size_hint', self.buffer_size_hint)
    check_size(func, 'max_record_size', self.max_record_size)
end

function scanner.new(opts)
    if opts == nil then
        opts = {}
    elseif type(opts) ~= 'table' then
        arg_error('stream.scanner.new', 1, 'opts', 'a table or nil', opts)
    end
    if opts.record_separator == nil then opts.record_separator = '\n' end
    if opts.trim_record == nil then opts.trim_record = false end
    check_options('stream.scanner.new', opts)
    opts.record_number = opts.record_number or 0
    return setmetatable(opts, mt)
end

-- AWK's default field splitting: fields are separated by runs of blanks
-- (trim_record drops those at both ends).  One regex serves every
-- scanner; without the regex module a function does the same.
local awk_blanks = regex and regex.new{pattern = '[ \t]+', grammar = 'extended'}

local function split_blanks(rec)
    local s, fields, nf, init = tostring(rec), {}, 0, 1
    while true do
        local i, j = find(s, '[^ \t]+', init)
        if i == nil then return fields end
        nf = nf + 1
        fields[nf] = view(rec, i, j)
        init = j + 1
    end
end

function scanner.with_awk_defaults(read_stream)
    return scanner.new{
        stream = read_stream,
        record_separator = '\n',
        trim_record = true,
        field_separator = awk_blanks or split_blanks,
    }
end

-- AWK-like split on a literal separator: an empty record has no fields,
-- and every separator ends a field (so "a,b," has 3 fields).
local function split_plain(rec, fs)
    local s = tostring(rec)
    local fields = {}
    if s == '' then return fields end
    local nf, init, flen, len = 0, 1, #fs, #s
    while true do
        local i = find(s, fs, init, true)
        nf = nf + 1
        if i == nil then
            fields[nf] = view(rec, init, len)
            return fields
        end
        fields[nf] = view(rec, init, i - 1)
        init = i + flen
    end
end

local function check_self(func, self)
    if type(self) ~= 'table' then
        arg_error(func, 1, 'self', 'a scanner', self)
    end
end

local function init_buffer(self)
    local max = self.max_record_size or DEFAULT_MAX_RECORD_SIZE
    local size = self.buffer_size_hint or DEFAULT_BUFFER_SIZE
    if size > max then size = max end
    self._buf = span_new(size)
    self._cap, self._n, self._pos = size, 0, 1
    self._str, self._sbase = '', 1
end

-- Drops the current record, if any.
local function consume(self)
    local rlen = self._rlen
    if rlen ~= nil then
        self._pos = self._pos + rlen
        self._rlen, self._rec, self.record_terminator = nil, nil, nil
    end
end

-- Makes room past _n: a new buffer when the free tail is gone, or small
-- while consumed bytes could be dropped.  The unconsumed bytes move to
-- the new buffer, which doubles when they fill more than half.
local function make_room(self)
    local cap, n, pos = self._cap, self._n, self._pos
    -- No separator in the unconsumed bytes: the record will not fit.
    local len = n - pos + 1
    local max = self.max_record_size or DEFAULT_MAX_RECORD_SIZE
    if len >= max then error(limit_error(), 0) end
    local free = cap - n
    if free > 0 and (free * 4 >= cap or pos == 1) then return end
    local newcap = cap
    if len * 2 > cap then newcap = cap * 2 end
    local hint = self.buffer_size_hint or DEFAULT_BUFFER_SIZE
    if newcap < hint then newcap = hint end
    if newcap > max then newcap = max end
    local buf = span_new(newcap)
    if len > 0 then span_copy(buf, span_sub(self._buf, pos, n)) end
    self._buf, self._cap, self._n, self._pos = buf, newcap, len, 1
    -- fill() makes a new string once the read succeeds
    self._str, self._sbase = nil, nil
end

-- Reads more data; `from` is the first buffer position the next search
-- needs (>= _pos).  Returns nil, or the EOF error the stream raised.
local function fill(self, from)
    local back = from - self._pos
    make_room(self)
    local stream_ = self.stream
    local buf, n, cap = self._buf, self._n, self._cap
    local room = span_sub(buf, n + 1, cap)
    local ok, k = pcall(stream_.read_some, stream_, room)
    if not ok then
        if is_eof(k) then return k end
        error(k, 0)
    end
    check_count(3, 'stream.scanner.get_line', 'read_some', k, cap - n)
    n = n + k
    self._n = n
    from = self._pos + back
    self._str, self._sbase = tostring(span_sub(buf, from, n)), from
    return nil
end

-- The record is ready: count it, trim it, split it.
local function finish(self, rec)
    self.record_number = (self.record_number or 0) + 1
    local trim = self.trim_record
    if trim then
        if trim == true then
            rec = span_trimmed(rec)
        else
            rec = span_trimmed(rec, trim)
        end
    end
    self._rec = rec
    -- get_line() checked the rules before reading
    local fs = self.field_separator
    if fs == nil then
        local fp = self.field_pattern
        if fp == nil then return rec end
        return regex.patsplit(fp, rec)
    end
    local t = type(fs)
    if t == 'string' then
        return split_plain(rec, fs)
    elseif t == 'function' then
        return fs(rec)
    end
    return regex.split(fs, rec)
end

local function at_eof(self, eof, terminator)
    local pos, n = self._pos, self._n
    if n < pos then error(eof, 0) end
    self._rlen = n - pos + 1
    self.record_terminator = terminator
    return finish(self, span_sub(self._buf, pos, n))
end

-- The first non-empty match in the unconsumed data is the separator: an
-- empty match would make no progress, so the search goes on past it.
local function get_line_regex(self, sep)
    while true do
        local buf, pos, n = self._buf, self._pos, self._n
        local from = pos
        while from <= n do
            local m = regex.search(sep, span_sub(buf, from, n))
            if m.empty then break end
            local whole = m[0]
            if whole.end_ >= whole.start then
                local s, e = from + whole.start - 1, from + whole.end_ - 1
                self._rlen = e - pos + 1
                self.record_terminator = span_sub(buf, s, e)
                return finish(self, span_sub(buf, pos, s - 1))
            end
            from = from + whole.start
        end
        local eof = fill(self, pos)
        if eof then return at_eof(self, eof, span_new(0)) end
    end
end

-- The separator is not in the buffered data: read until it is.  Kept
-- apart from get_line() so that the common path has no loop, which
-- would stop LuaJIT from compiling the caller's loop through it.
local function get_line_slow(self, sep)
    local seplen = #sep
    local buf, pos, n = self._buf, self._pos, self._n
    local str, sbase = self._str, self._sbase
    if str == nil or sbase > pos then
        -- after set_buffer(), or a read interrupted by an error
        str, sbase = tostring(span_sub(buf, pos, n)), pos
        self._str, self._sbase = str, sbase
    end
    local from = pos
    while true do
        local i = find(str, sep, from - sbase + 1, true)
        if i ~= nil then
            local last = sbase + i - 2
            self._rlen = last - pos + 1 + seplen
            self.record_terminator = sep
            return finish(self, view(buf, pos, last))
        end
        -- no separator starts before n - seplen + 2
        from = n - seplen + 2
        if from < pos then from = pos end
        local eof = fill(self, from)
        if eof then return at_eof(self, eof, '') end
        buf, pos, n = self._buf, self._pos, self._n
        str, sbase = self._str, self._sbase
        from = sbase
    end
end

function methods.get_line(self)
    check_self('stream.scanner.get_line', self)
    local st = type(self.stream)
    if st ~= 'table' and st ~= 'userdata' then
        if st == 'nil' then
            error('stream.scanner.get_line: the scanner has no stream ' ..
                  '(set its stream attribute)', 2)
        end
        field_error('stream.scanner.get_line', 'stream', 'a read stream',
                    self.stream)
    end
    -- Bad rules raise before the current record is dropped.
    check_options('stream.scanner.get_line', self)
    if self._buf == nil then init_buffer(self) end
    consume(self)
    local sep = self.record_separator
    if type(sep) ~= 'string' then return get_line_regex(self, sep) end
    local pos, str, sbase = self._pos, self._str, self._sbase
    if str ~= nil and sbase <= pos then
        local i = find(str, sep, pos - sbase + 1, true)
        if i ~= nil then
            local last = sbase + i - 2
            self._rlen = last - pos + 1 + #sep
            self.record_terminator = sep
            return finish(self, view(self._buf, pos, last))
        end
    end
    return get_line_slow(self, sep)
end

-- Called by the methods (not as a tail call), so level 3 is the user.
local function current_record(func, self)
    local rec = self._rec
    if rec == nil then
        error(func .. ': no record is buffered (call get_line first)', 3)
    end
    return rec
end

function methods.buffered_line(self)
    check_self('stream.scanner.buffered_line', self)
    local rec = current_record('stream.scanner.buffered_line', self)
    return rec
end

function methods.remove_line(self)
    check_self('stream.scanner.remove_line', self)
    current_record('stream.scanner.remove_line', self)
    consume(self)
end

function methods.buffer(self)
    check_self('stream.scanner.buffer', self)
    local buf = self._buf
    if buf == nil then return span_new(0), 1 end
    return span_sub(buf, 1, self._n), self._pos
end

function methods.set_buffer(self, buf, offset)
    check_self('stream.scanner.set_buffer', self)
    if not is_byte_span(buf) then
        arg_error('stream.scanner.set_buffer', 2, 'buf', 'a byte_span', buf)
    end
    local len = #buf
    if offset == nil then
        offset = 1
    elseif type(offset) ~= 'number' or offset ~= floor(offset) then
        arg_error('stream.scanner.set_buffer', 3, 'offset', 'an integer',
                  offset)
    end
    if offset < 1 or offset > len + 1 then error(einval('arg', 3)) end
    local cap = buf.capacity
    self._buf, self._cap, self._n, self._pos = span_sub(buf, 1, cap), cap,
                                               len, offset
    self._rlen, self._rec, self.record_terminator = nil, nil, nil
    self._str, self._sbase = nil, nil
end

stream.scanner = scanner
return stream
