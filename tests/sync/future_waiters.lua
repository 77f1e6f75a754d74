-- A shared future: every fiber blocked in get() receives the value, in the
-- order they started waiting, and set_value() itself does not switch
-- fibers (post semantics).
local future = require('future')
local promise, fut = future.new()
local fibers = {}
for i = 1, 3 do
    fibers[i] = spawn(function()
        print('fiber ' .. i .. ' got', fut:get())
    end)
end
this_fiber.yield()
print('set_value')
promise:set_value(42)
print('set_value did not switch fibers')
for i = 1, 3 do fibers[i]:join() end
print('late get:', fut:get())
