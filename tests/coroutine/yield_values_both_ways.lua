-- Values pass both ways through coroutine.yield/resume while the body also
-- suspends the fiber natively between yields.
local sleep = require('time').sleep
local co = coroutine.create(function(a)
    print('body got', a)
    sleep(0)
    local b, c = coroutine.yield('y1', a + 1)
    print('body got', b, c)
    this_fiber.yield()
    local d = coroutine.yield('y2')
    print('body got', d)
    sleep(0)
    return 'ret', nil, 'end'
end)
print(coroutine.resume(co, 10))
print(coroutine.status(co))
print(coroutine.resume(co, 'b', 'c'))
print(select('#', coroutine.resume(co, 'd')))
print(coroutine.status(co))
