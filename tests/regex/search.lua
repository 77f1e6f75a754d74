-- regex.search finds the first match anywhere.  The table has empty, and
-- [0] (the whole match) and [i] (group i when it took part) as
-- {start, end_}: 1-based inclusive byte indices, so an empty match has
-- end_ = start - 1.
local regex = require 'regex'
local h = require './show'
local try, show, describe = h.try, h.show, h.describe

for _, g in ipairs{'extended', 'ecma'} do
    local re = regex.new{pattern = 'u(ab)(c)?', grammar = g}
    try(regex.search, re, ' uabd')
    try(regex.search, re, byte_span.append(' uabcd'))
    try(regex.search, re, 'x')
    try(regex.search, re, '')
    -- an empty match
    try(regex.search, regex.new{pattern = 'q*', grammar = g}, 'abc')
    try(regex.search, regex.new{pattern = '$', grammar = g}, 'abc')
end
try(regex.search, regex.new{pattern = 'b\\(c\\)', grammar = 'basic'}, 'abcd')
-- in basic, + and ? are plain characters
try(regex.search, regex.new{pattern = 'a+', grammar = 'basic'}, 'aa a+')

-- leftmost-longest (POSIX) against leftmost-first (ECMAScript)
try(regex.search, regex.new{pattern = 'a|ab', grammar = 'extended'}, 'xab')
try(regex.search, regex.new{pattern = 'a|ab', grammar = 'ecma'}, 'xab')
try(regex.search, regex.new{pattern = '(a*)(ab)*b', grammar = 'extended'},
    'aab')

-- ^ and $ are the ends of the subject, not of lines
try(regex.search, regex.new{pattern = '^b', grammar = 'extended'}, 'a\nb')
try(regex.search, regex.new{pattern = 'a$', grammar = 'ecma'}, 'a\n')
-- a zero-capacity span
try(regex.search, regex.new{pattern = '', grammar = 'ecma'}, byte_span.new(0))
