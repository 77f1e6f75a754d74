-- A bad pattern raises an error of the "regex" category that says what
-- is wrong and where: position is the 1-based byte of the pattern where
-- the engine gave up (#pattern + 1 when the pattern ended too soon), and
-- detail holds the engine's own words.
local regex = require 'regex'
local h = require './show'
local try, show, describe = h.try, h.show, h.describe

local cases = {
    {'extended', 'ab(c'}, {'extended', 'a[bc'}, {'extended', 'x\\'},
    {'extended', '*a'}, {'extended', 'a{2,1}'}, {'extended', '[z-a]'},
    {'extended', '(a)\\2'}, {'extended', '[[:foo:]]'},
    {'basic', 'a\\(b'}, {'basic', 'a\\{1'}, {'basic', 'a\\{1,x\\}'},
    {'basic', '[b-a]x'},
    {'ecma', 'ab(c'}, {'ecma', 'a[bc'}, {'ecma', 'x\\'}, {'ecma', '*a'},
    {'ecma', 'a{2,1}'}, {'ecma', 'ab)c'}, {'ecma', '[z-a]'},
    {'ecma', '(a)\\2'}, {'ecma', '(?<n'},
}
for _, c in ipairs(cases) do
    local ok, e = pcall(regex.new, {pattern = c[2], grammar = c[1]})
    print(c[1], c[2], ok and 'compiled' or describe(e))
end

-- A NUL byte is fine in an ecma pattern; regcomp() takes C strings.
local re = regex.new{pattern = 'a\0b', grammar = 'ecma'}
print(show(regex.search(re, 'xa\0b')))
try(regex.new, {pattern = 'a\0b', grammar = 'extended'})

-- The category compares and prints like any other.
local ok, e = pcall(regex.new, {pattern = '(', grammar = 'ecma'})
print(tostring(e.category), e.category:message(e.code) == tostring(e),
      e == e, e:togeneric() == e, type(e.detail))
