-- resume() checks for cancellation only before resuming: code inside the
-- coroutine without cancellation points runs to its yield.
local f
local co = coroutine.create(function()
    f:cancel()
    print('body after cancel')
    coroutine.yield('yielded')
end)
f = spawn(function()
    print(coroutine.resume(co))
    this_fiber.yield()
    print('not reached')
end)
f:join()
print(f.cancellation_caught)
