-- Three nested coroutines; the innermost suspends the fiber natively and
-- values travel up and down through every level.
local sleep = require('time').sleep
local c3 = coroutine.create(function(x)
    sleep(0)
    local y = coroutine.yield('c3:' .. x)
    this_fiber.yield()
    return 'c3 end:' .. y
end)
local c2 = coroutine.create(function(x)
    local _, v = coroutine.resume(c3, x)
    local y = coroutine.yield('c2(' .. v .. ')')
    local _, w = coroutine.resume(c3, y)
    return 'c2(' .. w .. ')'
end)
local c1 = coroutine.wrap(function(x)
    local _, v = coroutine.resume(c2, x)
    local y = coroutine.yield('c1(' .. v .. ')')
    local _, w = coroutine.resume(c2, y)
    return 'c1(' .. w .. ')'
end)
print(c1('a'))
print(c1('b'))
print(coroutine.status(c2), coroutine.status(c3))
