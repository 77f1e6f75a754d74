-- regex: three grammars behind one interface.
local regex = require 'regex'

-- ecma (PCRE2): captures come back as the subject's type.
local entry = regex.new{pattern = '^(\\w+) (\\d+)ms(?: \\((.*)\\))?$',
                        grammar = 'ecma'}
print(regex.match(entry, 'GET 35ms (cached)'))   --> GET 35 cached
print(regex.match(entry, 'PUT 120ms'))           --> PUT 120 (empty 3rd)
print(regex.match(entry, 'PUT slow'))            --> nil

-- search gives 1-based inclusive positions of the match and its groups.
local m = regex.search(regex.new{pattern = '([0-9]+)-([0-9]+)',
                                 grammar = 'extended'}, 'pages 10-25.')
print(m.empty, m[0].start, m[0].end_, m[1].start, m[2].end_) --> false 7 11 7 11

-- POSIX grammars take the leftmost-longest match, ecma the first
-- alternative that works.
local subject = 'one two'
for _, g in ipairs{'extended', 'ecma'} do
    local r = regex.search(regex.new{pattern = 'o|one', grammar = g}, subject)
    print(g, subject:sub(r[0].start, r[0].end_))  --> extended one / ecma o
end

-- split and patsplit (GAWK patsplit) on a byte_span return
-- views into it, no copies.
local line = byte_span.append('Robbins,"1234 A Street, NE",,USA')
local by_comma = regex.split(regex.new{pattern = ',', grammar = 'basic'}, line)
print(#by_comma, tostring(by_comma[2]))           --> 5 "1234 A Street
local fields = regex.patsplit(regex.new{pattern = '"[^"]*"|[^,]*',
                                        grammar = 'extended'}, line)
for i, f in ipairs(fields) do print(i, tostring(f)) end
--> 1 Robbins / 2 "1234 A Street, NE" / 3 (empty) / 4 USA

-- A bad pattern says what and where.
local ok, e = pcall(regex.new, {pattern = 'a(b', grammar = 'ecma'})
print(tostring(e.category), e.position, e.detail)
--> regex 4 missing closing parenthesis
