-- regex.new{} refuses what is not an options table, a missing or
-- non-string pattern, an unknown grammar (there is no default) and
-- non-boolean flags, naming the field.
local regex = require 'regex'
local h = require './show'
local try, show, describe = h.try, h.show, h.describe

try(regex.new)
try(regex.new, 'a')
try(regex.new, {grammar = 'ecma'})
try(regex.new, {pattern = 1, grammar = 'ecma'})
try(regex.new, {pattern = 'a'})
try(regex.new, {pattern = 'a', grammar = 'perl'})
try(regex.new, {pattern = 'a', grammar = 1})
try(regex.new, {pattern = 'a', grammar = 'ecma', ignore_case = 'yes'})
try(regex.new, {pattern = 'a', grammar = 'ecma', nosubs = 0})
try(regex.new, {pattern = 'a', grammar = 'ecma', optimize = {}})
-- nil flags are the defaults
try(function()
    return regex.new{pattern = 'a', grammar = 'ecma', ignore_case = nil}.mark_count
end)
