-- NUL bytes in subjects are data on every grammar (regexec() gets the
-- length through REG_STARTEND).  A POSIX '.' does not match NUL; a
-- bracket expression does.
local regex = require 'regex'
local h = require './show'
local try, show, describe = h.try, h.show, h.describe

local s = 'ab\0cd\0ef'
for _, g in ipairs{'basic', 'extended', 'ecma'} do
    try(regex.search, regex.new{pattern = 'cd', grammar = g}, s)
    try(regex.search, regex.new{pattern = 'ef', grammar = g},
        byte_span.append(s))
    try(regex.search, regex.new{pattern = 'b.c', grammar = g}, s)
    try(regex.search, regex.new{pattern = 'b[^x]c', grammar = g}, s)
    try(regex.split, regex.new{pattern = 'd', grammar = g}, s)
    try(regex.match, regex.new{pattern = 'ab.*', grammar = g}, 'ab\0')
end
try(regex.split, regex.new{pattern = '\\x00', grammar = 'ecma'}, s)
