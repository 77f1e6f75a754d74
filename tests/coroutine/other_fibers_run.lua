-- While a coroutine's native suspension parks the fiber, other fibers run.
local sleep = require('time').sleep
local f = spawn(function()
    for i = 1, 2 do
        print('other fiber', i)
        this_fiber.yield()
    end
end)
local w = coroutine.wrap(function()
    this_fiber.yield()
    print('coroutine resumed after yield')
    this_fiber.yield()
    return 'w end'
end)
print(w())
f:join()
