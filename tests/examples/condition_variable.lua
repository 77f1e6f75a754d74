-- The condition_variable module: a work queue shared by a producer and
-- two consumers.
local mutex = require 'mutex'
local condition_variable = require 'condition_variable'

local queue, done = {}, false
local queue_mtx = mutex.new()
local queue_cond = condition_variable.new()

local function consumer()
    local got = {}
    while true do
        local item
        scope(function()
            queue_mtx:lock()
            scope_cleanup_push(function() queue_mtx:unlock() end)
            while #queue == 0 and not done do
                queue_cond:wait(queue_mtx)
            end
            item = table.remove(queue, 1)
        end)
        if item == nil then break end      -- done and drained
        got[#got + 1] = item
        this_fiber.yield()                 -- "process" the item
    end
    return got
end

local c1 = spawn(consumer)
local c2 = spawn(consumer)
this_fiber.yield()                    -- both consumers now wait

for i = 1, 6 do
    queue_mtx:lock()
    queue[#queue + 1] = i
    queue_cond:notify_one()
    queue_mtx:unlock()
    if i % 2 == 0 then this_fiber.yield() end
end
queue_mtx:lock()
done = true
queue_cond:notify_all()               -- wake everyone to see `done`
queue_mtx:unlock()

local all = {}
for _, item in ipairs(c1:join()) do all[#all + 1] = item end
for _, item in ipairs(c2:join()) do all[#all + 1] = item end
table.sort(all)
print('every item once:', table.concat(all, ' '))

-- wait() is a cancellation point; the canceled waiter owns the mutex
-- again when the error reaches it.
local waiter = spawn(function()
    queue_mtx:lock()
    local ok, err = pcall(queue_cond.wait, queue_cond, queue_mtx)
    print('wait:', ok, err)
    queue_mtx:unlock()
end)
this_fiber.yield()
waiter:cancel()
waiter:join()
