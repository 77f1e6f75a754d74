-- regex.match: the pattern must match the whole subject.  It returns the
-- captures (an empty one for a group that did not take part), or the
-- subject itself when the pattern has none, and nil on failure.  Pieces
-- have the subject's type; byte_span pieces share its memory.
local regex = require 'regex'
local h = require './show'
local try, show, describe = h.try, h.show, h.describe

local ere = regex.new{pattern = '([a-z]+)=([0-9]+)?', grammar = 'extended'}
try(regex.match, ere, 'key=42')
try(regex.match, ere, 'key=')
try(regex.match, ere, 'key=42 ')
try(regex.match, ere, byte_span.append('key=42'))
try(regex.match, ere, byte_span.append('key='))

local bre = regex.new{pattern = '\\([a-z]*\\)-\\1', grammar = 'basic'}
try(regex.match, bre, 'ab-ab')
try(regex.match, bre, 'ab-ba')

-- no captures: the subject itself comes back
local plain = regex.new{pattern = 'a.*', grammar = 'ecma'}
try(regex.match, plain, 'abc')
local span = byte_span.append('abc')
print(rawequal(regex.match(plain, span), span))
try(regex.match, plain, '')
try(regex.match, regex.new{pattern = 'x*', grammar = 'extended'}, '')

-- ECMAScript tries alternatives in order, but match() still needs the
-- whole subject, so it backtracks into the second one.
try(regex.match, regex.new{pattern = '(a|ab)', grammar = 'ecma'}, 'ab')
try(regex.match, regex.new{pattern = '(a|ab)(c|bcd)(d*)', grammar = 'ecma'},
    'abcd')

-- a span piece is a view: writing to it writes to the subject
local s = byte_span.append('id=7')
local id = regex.match(regex.new{pattern = 'id=(.)', grammar = 'ecma'}, s)
id[1] = string.byte('9')
print(tostring(s), #id, id.capacity)

-- nosubs: no captures, so the subject comes back
try(regex.match, regex.new{pattern = '(a)(b)', grammar = 'ecma', nosubs = true},
    'ab')
