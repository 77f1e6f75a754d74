-- match, search, split and patsplit want a regex and a string or a
-- byte_span (a number is refused although Lua could convert it).
local regex = require 'regex'
local h = require './show'
local try, show, describe = h.try, h.show, h.describe

local re = regex.new{pattern = 'a', grammar = 'ecma'}
for _, name in ipairs{'match', 'search', 'split', 'patsplit'} do
    local f = regex[name]
    try(f)
    try(f, 'a', 'a')
    try(f, byte_span.append('a'), 'a')
    try(f, re)
    try(f, re, 1)
    try(f, re, {})
end
