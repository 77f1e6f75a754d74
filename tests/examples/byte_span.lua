-- byte_span: buffers with Go-slice semantics, parsing a tiny binary record.
-- A record is: u16be length, u8 kind, then `length` bytes of text.
local function encode(kind, text)
    local header = byte_span.new(3)
    header:first(2):set_u16be(#text)
    header[3] = kind
    return byte_span.append(header, text)
end

local wire = byte_span.append(encode(1, "  Hello "), encode(2, "WORLD"))
print('wire bytes:', #wire)

local pos = 1
while pos <= #wire do
    local len = wire:sub(pos, pos + 1):get_u16be()
    local kind = wire[pos + 2]
    local body = wire:sub(pos + 3, pos + 2 + len)   -- a view, no copy
    if kind == 2 then body:inplace_lower() end     -- edits wire in place
    print(kind, len, '[' .. tostring(body:trimmed()) .. ']')
    pos = pos + 3 + len
end
print(wire:find('world'))

-- Slices share memory, and may grow up to the capacity.
local buf = byte_span.with_zeros(0, 8)
local line = buf:append('ab')
line = line:append('cd')             -- fits: written in place
print(line, #line, line.capacity, buf:sub(1, 4))
local bigger = line:append('efghij') -- does not fit: new memory
bigger[1] = string.byte('A')
print(bigger, line)

-- Bad ranges raise EINVAL, naming the argument.
local ok, err = pcall(line.sub, line, 0)
print(ok, err, err.arg)
