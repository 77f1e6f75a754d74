-- A bounded queue with two condition variables: producers wait while it is
-- full, consumers while it is empty.  Every item is consumed exactly once,
-- in order for each producer.
local mutex = require('mutex')
local condition_variable = require('condition_variable')
local m = mutex.new()
local not_empty = condition_variable.new()
local not_full = condition_variable.new()
local queue, capacity = {}, 2
local max_seen = 0

local function produce(name, n)
    for i = 1, n do
        m:lock()
        while #queue == capacity do not_full:wait(m) end
        queue[#queue + 1] = name .. i
        if #queue > max_seen then max_seen = #queue end
        not_empty:notify_one()
        m:unlock()
    end
end

local consumed = {}
local function consume(n)
    for _ = 1, n do
        m:lock()
        while #queue == 0 do not_empty:wait(m) end
        consumed[#consumed + 1] = table.remove(queue, 1)
        not_full:notify_one()
        m:unlock()
    end
end

local fibers = {
    spawn(function() produce('a', 5) end),
    spawn(function() produce('b', 5) end),
    spawn(function() consume(4) end),
    spawn(function() consume(6) end),
}
for _, f in ipairs(fibers) do f:join() end
print(#consumed, #queue, max_seen)
local a, b = {}, {}
for _, v in ipairs(consumed) do
    local t = v:sub(1, 1) == 'a' and a or b
    t[#t + 1] = v
end
print(table.concat(a, ' '))
print(table.concat(b, ' '))
