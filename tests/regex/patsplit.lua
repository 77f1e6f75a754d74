-- regex.patsplit returns the matches, as GAWK's patsplit(): every match is
-- a field, empty ones included, except an empty match right where a
-- non-empty one ended (the bytes between matches are the separators).
local regex = require 'regex'
local h = require './show'
local try, show, describe = h.try, h.show, h.describe

for _, g in ipairs{'extended', 'ecma'} do
    local re = regex.new{pattern = '[^,]*', grammar = g}
    try(regex.patsplit, re, ',Arnold,,MyTown,')
    try(regex.patsplit, re, 'Robbins,Arnold,,USA')
    try(regex.patsplit, re, '')
    try(regex.patsplit, re, byte_span.append('a,,b'))
    re = regex.new{pattern = '[0-9]+', grammar = g}
    try(regex.patsplit, re, 'a1b22c333')
    try(regex.patsplit, re, 'none')
    re = regex.new{pattern = 'x*', grammar = g}
    try(regex.patsplit, re, 'axxb')
end
try(regex.patsplit, regex.new{pattern = '[0-9]\\{2\\}', grammar = 'basic'},
    '12345')
-- an ECMAScript empty alternative first: the longer match at the same
-- place still counts
try(regex.patsplit, regex.new{pattern = '|b+', grammar = 'ecma'}, 'abba')
-- quoted CSV fields
try(regex.patsplit, regex.new{pattern = '([^,]+)|("[^"]+")',
                              grammar = 'extended', nosubs = true},
    'Robbins,"1234 A Street, NE",USA')
