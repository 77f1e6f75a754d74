-- pcall() is a cancellation point: a canceled fiber's pcall raises
-- fiber_canceled instead of returning it, and f does not run.
local f = spawn(function()
    print('start')
    pcall(function() print('f ran') end)
    print('not reached')
end)
f:cancel()
f:join()
print(f.cancellation_caught)
