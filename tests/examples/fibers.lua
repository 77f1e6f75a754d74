-- Fibers: spawn() starts one, join() waits for its results, cancel()
-- interrupts it at its next suspension point.
local sleep = require('time').sleep

-- spawn() posts the new fiber: it runs once the caller suspends.
local worker = spawn(function()
    print('worker: computing')
    this_fiber.yield()
    return 6 * 7, 'done'
end)
print('main: worker spawned')
print('main: worker returned', worker:join())

-- An error in a fiber is raised again by join().
local failing = spawn(function() error('worker failed', 0) end)
print('main: join raised', pcall(failing.join, failing))

-- A fiber sleeping for an hour, canceled: its sleep raises fiber_canceled,
-- its cleanup handler runs, and join() returns nothing.
local sleeper = spawn(function()
    scope_cleanup_push(function() print('sleeper: cleaning up') end)
    print('sleeper: going to sleep')
    sleep(3600)
    print('sleeper: never printed')
end)
this_fiber.yield()   -- let the sleeper start and suspend
sleeper:cancel()
print('main: join returned', select('#', sleeper:join()), 'values')
print('main: sleeper canceled:', sleeper.cancellation_caught)

-- Fibers interleave only where they suspend.
local a = spawn(function()
    for i = 1, 3 do print('a', i) this_fiber.yield() end
end)
local b = spawn(function()
    for i = 1, 3 do print('b', i) this_fiber.yield() end
end)
a:join()
b:join()
