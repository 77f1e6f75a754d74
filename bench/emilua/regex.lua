-- Counts the matches of ERROR...timeout in stdin with the grammar given
-- as the first argument ("ecma" or "extended").  Stdin is read in 1 MiB
-- chunks; each chunk is searched up to its last newline with one
-- regex.patsplit call, and the partial line after it moves to the front
-- of the buffer for the next read.  A line holds at most one match, so
-- the count equals `grep -c`.
local regex = require 'regex'
local system = require 'system'
local grammar = system.arguments[3]
-- '.' of ECMAScript stops at a newline; a POSIX '.' does not.
local pattern = grammar == 'ecma' and 'ERROR.*timeout' or 'ERROR[^\n]*timeout'
local re = regex.new{pattern = pattern, grammar = grammar}
local patsplit = regex.patsplit
local SIZE = 1024 * 1024
local buf = byte_span.new(SIZE)
local have, count = 0, 0
local input = system.in_
while true do
    local ok, n = pcall(input.read_some, input, buf:sub(have + 1, SIZE))
    if not ok then break end    -- EOF
    have = have + n
    local last = buf:sub(1, have):find_last_of('\n')
    if last then
        count = count + #patsplit(re, buf:sub(1, last))
        buf:copy(buf:sub(last + 1, have))
        have = have - last
    elseif have == SIZE then
        error('line longer than the buffer')
    end
end
if have > 0 then count = count + #patsplit(re, buf:sub(1, have)) end
print(count)
