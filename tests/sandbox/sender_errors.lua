-- What cannot travel to another process is refused at the sender with
-- EINVAL, and nothing is sent: a nested table, an empty table, a function,
-- nil, a 256-byte string or key, a number or empty key, too many members.
local inbox = require 'inbox'

if _CONTEXT == 'worker' then
    local accepted = 0
    while true do
        local m = inbox:receive()
        if type(m) == 'table' and m.reply then
            m.reply:send('the worker received ' .. accepted)
            return
        end
        accepted = accepted + 1
    end
end

local ch = spawn_vm{ module = _FILE, subprocess = {} }
local function try(label, v)
    local ok, e = pcall(ch.send, ch, v)
    print(label, ok, type(e) == 'table' and e.code == 22 and e.arg or e)
end
try('nested', { t = { 1 } })
try('empty', {})
try('function', print)
try('function member', { f = print })
try('nil', nil)
try('string 255', string.rep('x', 255))
try('string 256', string.rep('x', 256))
try('key 256', { [string.rep('k', 256)] = 1 })
try('number key', { [1] = 1 })
try('empty key', { [''] = 1 })
try('coroutine', coroutine.create(print))
local big = {}
for i = 1, 20 do big['k' .. i] = i end
try('20 members', big)
big.k21 = 21
try('21 members', big)
try('closed fd', (function()
    local pipe = require 'pipe'
    local r = pipe.pair()
    local fd = r:release()
    fd:close()
    return fd
end)())
-- the worker saw only the messages that were accepted
ch:send{ reply = inbox }
print(inbox:receive())
