-- A pattern that backtracks without end stops at PCRE2's match limit,
-- and one that nests too deep at the memory limits, with errors of the
-- "regex" category; the regex stays usable.
local regex = require 'regex'
local h = require './show'
local try, show, describe = h.try, h.show, h.describe

local re = regex.new{pattern = '^(?:a+)+$', grammar = 'ecma'}
try(regex.search, re, string.rep('a', 32) .. '!')
try(regex.match, re, string.rep('a', 32) .. '!')
try(regex.patsplit, re, string.rep('a', 32) .. '!')
try(regex.search, re, 'aaa')
local deep = regex.new{pattern = '(a|b)*c', grammar = 'ecma'}
try(regex.search, deep, string.rep('ab', 2000000))
try(regex.search, deep, 'ababc')
-- 200 kB of (a|b)* overflows the JIT's default 32 KiB stack: the regex
-- gets a larger one and the match succeeds
try(regex.search, deep, string.rep('ab', 100000) .. 'c')
local ok, e = pcall(regex.search, re, string.rep('a', 32) .. '!')
print(e.code, e:togeneric() == e)
ok, e = pcall(regex.search, deep, string.rep('ab', 2000000))
print(e.code, e:togeneric() == require('generic_error').ENOMEM)

-- glibc's regcomp() copies repeated trees, so stacked or nested
-- repetitions would ask for memory without end: refused before regcomp()
-- with an "out of memory" syntax error where the size crosses the bound.
for _, g in ipairs{'extended', 'basic'} do
    local plus = g == 'extended' and '+' or '\\+'
    try(regex.new, {pattern = 'x' .. string.rep(plus, 60), grammar = g})
end
try(regex.new, {pattern = '(a{1000}){1000}', grammar = 'extended'})
try(function()
    return regex.new{pattern = 'a{32767}', grammar = 'extended'}.mark_count
end)
