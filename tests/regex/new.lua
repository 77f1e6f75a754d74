-- regex.new{} compiles on each grammar; mark_count counts the capturing
-- groups (none with nosubs); ignore_case and optimize are honoured.
local regex = require 'regex'
local h = require './show'
local try, show, describe = h.try, h.show, h.describe

for _, g in ipairs{'basic', 'extended', 'ecma'} do
    local p = g == 'basic' and '\\(a\\)\\(b\\)*' or '(a)(b)*'
    local re = regex.new{pattern = p, grammar = g}
    print(g, getmetatable(re), re.mark_count)
    re = regex.new{pattern = p, grammar = g, nosubs = true}
    print(g, 'nosubs', re.mark_count, show(regex.search(re, 'xabb')))
    re = regex.new{pattern = 'HeLLo', grammar = g, ignore_case = true,
                   optimize = true}
    print(g, 'ignore_case', show(regex.search(re, 'say hello')))
    re = regex.new{pattern = 'HeLLo', grammar = g, ignore_case = false}
    print(g, 'case', show(regex.search(re, 'say hello')))
end
-- ecma non-capturing groups do not count
print(regex.new{pattern = '(?:a)(b)', grammar = 'ecma'}.mark_count)
try(function() return regex.new{pattern = 'a', grammar = 'ecma'}.nope end)
