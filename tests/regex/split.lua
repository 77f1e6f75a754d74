-- regex.split cuts at every non-empty match, as Emilua's split (a
-- regex_token_iterator over submatch -1) does: every field before a
-- separator, empty ones too, then the rest unless it is empty; a subject
-- without separators (the empty one included) is one field; a pattern that
-- only matches the empty string never splits; capturing groups raise
-- ENOTSUP.  Fields have the subject's type.
local regex = require 'regex'
local h = require './show'
local try, show, describe = h.try, h.show, h.describe

for _, g in ipairs{'basic', 'extended', 'ecma'} do
    local re = regex.new{pattern = ',', grammar = g}
    try(regex.split, re, 'a,b,c')
    try(regex.split, re, ',a,,b,')
    try(regex.split, re, ',')
    try(regex.split, re, '')
    try(regex.split, re, 'abc')
    try(regex.split, re, byte_span.append(',a,,b,'))
end
local blanks = regex.new{pattern = '[ \t]+', grammar = 'extended'}
try(regex.split, blanks, 'alice  42\tadmin')
try(regex.split, regex.new{pattern = '^', grammar = 'extended'}, 'a,b')
try(regex.split, regex.new{pattern = 'x*', grammar = 'extended'}, 'axxbxc')
try(regex.split, regex.new{pattern = 'x*', grammar = 'ecma'}, 'axxbxc')
try(regex.split, regex.new{pattern = '(,)(;)?', grammar = 'ecma'}, 'a,;b,c')
-- ECMAScript: the lookahead only matches empty, so nothing splits
try(regex.split, regex.new{pattern = '(?=b)', grammar = 'ecma'}, 'abab')
