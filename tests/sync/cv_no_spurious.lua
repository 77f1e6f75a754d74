-- wait() only returns after a notification: with one consumer the
-- predicate holds every time wait() returns, so even an `if` would do.
local mutex = require('mutex')
local condition_variable = require('condition_variable')
local m = mutex.new()
local c = condition_variable.new()
local items, seen = {}, {}
local consumer = spawn(function()
    m:lock()
    for _ = 1, 3 do
        if #items == 0 then
            c:wait(m)
            print('woke with', #items, 'item(s)')
        end
        seen[#seen + 1] = table.remove(items, 1)
    end
    m:unlock()
end)
for i = 1, 3 do
    -- give the consumer every chance to run: it must stay parked
    for _ = 1, 3 do this_fiber.yield() end
    m:lock()
    items[#items + 1] = i
    print('produced', i)
    c:notify_one()
    m:unlock()
end
consumer:join()
print(table.concat(seen, ' '))
