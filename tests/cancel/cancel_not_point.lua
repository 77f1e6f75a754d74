-- cancel() is neither a cancellation point nor a suspension point.
local g = spawn(function() end)
local f
f = spawn(function()
    f:cancel()
    this_fiber.forbid_suspend()
    g:cancel()
    f:cancel()
    this_fiber.allow_suspend()
    print('cancel did not raise nor suspend')
end)
f:join()
g:join()
print(f.cancellation_caught)
